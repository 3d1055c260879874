-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "assignedManually" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "routingRule" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "TaskKind" (
    "id" UUID NOT NULL,
    "studioId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "defaultRole" "MemberRole" NOT NULL,
    "roomBound" BOOLEAN NOT NULL DEFAULT false,
    "defaultEstimateMinutes" INTEGER NOT NULL DEFAULT 60,
    "assistantCapable" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TaskKind_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAssignment" (
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "assigneeId" UUID,
    "byMemberId" UUID,
    "manual" BOOLEAN NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TaskKind_studioId_key_key" ON "TaskKind"("studioId", "key");

-- CreateIndex
CREATE INDEX "TaskAssignment_taskId_createdAt_idx" ON "TaskAssignment"("taskId", "createdAt");

-- AddForeignKey
ALTER TABLE "TaskKind" ADD CONSTRAINT "TaskKind_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignment" ADD CONSTRAINT "TaskAssignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignment" ADD CONSTRAINT "TaskAssignment_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignment" ADD CONSTRAINT "TaskAssignment_byMemberId_fkey" FOREIGN KEY ("byMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
