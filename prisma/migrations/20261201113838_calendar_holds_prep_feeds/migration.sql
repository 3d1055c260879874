-- CreateEnum
CREATE TYPE "BookingHold" AS ENUM ('CONFIRMED', 'FIRST_HOLD', 'SECOND_HOLD', 'RELEASED', 'EXPIRED');

-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "prepMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "teardownMinutes" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "challengedAt" TIMESTAMPTZ(3),
ADD COLUMN     "guestNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "hold" "BookingHold" NOT NULL DEFAULT 'CONFIRMED',
ADD COLUMN     "holdUntil" TIMESTAMPTZ(3),
ADD COLUMN     "prepMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "teardownMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "templateId" UUID;

-- AlterTable
ALTER TABLE "SessionTemplate" ADD COLUMN     "prepMinutes" INTEGER,
ADD COLUMN     "teardownMinutes" INTEGER;

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" UUID NOT NULL,
    "studioId" UUID NOT NULL,
    "memberId" UUID,
    "roomId" UUID,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_memberId_key" ON "CalendarFeed"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_roomId_key" ON "CalendarFeed"("roomId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_token_key" ON "CalendarFeed"("token");

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;
