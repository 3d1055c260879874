-- CreateEnum
CREATE TYPE "GearCategory" AS ENUM ('MICROPHONE', 'DI', 'PREAMP', 'CONSOLE_CHANNEL', 'OUTBOARD', 'MONITOR', 'HEADPHONES', 'INSTRUMENT', 'STAND', 'CABLE', 'OTHER');

-- CreateEnum
CREATE TYPE "GearStatus" AS ENUM ('OK', 'IN_REPAIR', 'MISSING');

-- CreateEnum
CREATE TYPE "SetupPart" AS ENUM ('INPUT', 'PATCH', 'CHECK');

-- CreateTable
CREATE TABLE "GearItem" (
    "id" UUID NOT NULL,
    "studioId" UUID NOT NULL,
    "category" "GearCategory" NOT NULL,
    "make" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "homeRoomId" UUID,
    "status" "GearStatus" NOT NULL DEFAULT 'OK',
    "ribbon" BOOLEAN NOT NULL DEFAULT false,
    "tube" BOOLEAN NOT NULL DEFAULT false,
    "needsPhantom" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GearItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SetupItem" (
    "id" UUID NOT NULL,
    "studioId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "part" "SetupPart" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "channel" INTEGER,
    "source" TEXT NOT NULL DEFAULT '',
    "gearId" UUID,
    "gearText" TEXT NOT NULL DEFAULT '',
    "stand" TEXT NOT NULL DEFAULT '',
    "preamp" TEXT NOT NULL DEFAULT '',
    "phantom" BOOLEAN NOT NULL DEFAULT false,
    "padDb" INTEGER,
    "highPassHz" INTEGER,
    "polarity" BOOLEAN NOT NULL DEFAULT false,
    "insert" TEXT NOT NULL DEFAULT '',
    "points" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "text" TEXT NOT NULL DEFAULT '',
    "generatedKey" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "checkedAt" TIMESTAMPTZ(3),
    "checkedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SetupItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionTemplate" (
    "id" UUID NOT NULL,
    "studioId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "durationMinutes" INTEGER NOT NULL DEFAULT 480,
    "tasks" JSONB NOT NULL DEFAULT '[]',
    "inputs" JSONB NOT NULL DEFAULT '[]',
    "patches" JSONB NOT NULL DEFAULT '[]',
    "checks" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GearItem_studioId_label_key" ON "GearItem"("studioId", "label");

-- CreateIndex
CREATE INDEX "SetupItem_sessionId_part_position_idx" ON "SetupItem"("sessionId", "part", "position");

-- CreateIndex
CREATE INDEX "SetupItem_gearId_idx" ON "SetupItem"("gearId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionTemplate_studioId_name_key" ON "SessionTemplate"("studioId", "name");

-- Move every room's free-form gear list into the inventory: one item per entry, at home in
-- that room. "(6)" at the end of a name becomes the quantity and "pair" a quantity of 2;
-- "ribbon" and "tube" in a name or kind set those facts. Labels are made unique per studio.
WITH entries AS (
    SELECT r."studioId", r."id" AS "roomId", r."name" AS "roomName", e.ord,
           btrim(coalesce(e.item->>'name', '')) AS name,
           lower(btrim(coalesce(e.item->>'kind', ''))) AS kind,
           lower(coalesce(e.item->>'state', 'ok')) AS state
    FROM "Room" r
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(r."gear") = 'array' THEN r."gear" ELSE '[]'::jsonb END) WITH ORDINALITY AS e(item, ord)
    WHERE btrim(coalesce(e.item->>'name', '')) <> ''
),
parsed AS (
    SELECT *,
           btrim(regexp_replace(name, '\s*\((\d+)\)\s*$', '')) AS base,
           CASE
               WHEN name ~ '\((\d+)\)\s*$' THEN least(greatest(substring(name from '\((\d+)\)\s*$')::int, 1), 999)
               WHEN name ~* '\mpair\M' THEN 2
               ELSE 1
           END AS quantity
    FROM entries
),
numbered AS (
    SELECT *, row_number() OVER (PARTITION BY "studioId", lower(base) ORDER BY "roomName", ord) AS n
    FROM parsed
)
INSERT INTO "GearItem" ("id", "studioId", "category", "model", "label", "quantity", "homeRoomId", "status", "ribbon", "tube", "updatedAt")
SELECT gen_random_uuid(), "studioId",
       (CASE
           WHEN kind IN ('microphone', 'mic', 'microphones', 'mics') THEN 'MICROPHONE'
           WHEN kind IN ('di', 'di box', 'direct box') THEN 'DI'
           WHEN kind IN ('preamp', 'preamps', 'mic pre') THEN 'PREAMP'
           WHEN kind IN ('compressor', 'outboard', 'eq', 'reverb', 'clock', 'effects') THEN 'OUTBOARD'
           WHEN kind IN ('monitor', 'monitors', 'speakers') THEN 'MONITOR'
           WHEN kind IN ('headphones', 'headphone') THEN 'HEADPHONES'
           WHEN kind IN ('instrument', 'piano', 'keys', 'amp') THEN 'INSTRUMENT'
           WHEN kind IN ('stand', 'stands') THEN 'STAND'
           WHEN kind IN ('cable', 'cables') THEN 'CABLE'
           ELSE 'OTHER'
       END)::"GearCategory",
       base,
       CASE WHEN n > 1 THEN base || ' #' || n ELSE base END,
       quantity, "roomId",
       (CASE state WHEN 'in_repair' THEN 'IN_REPAIR' WHEN 'missing' THEN 'MISSING' ELSE 'OK' END)::"GearStatus",
       (name ~* 'ribbon' OR kind ~* 'ribbon'),
       (name ~* '\mtube\M' OR kind ~* '\mtube\M'),
       CURRENT_TIMESTAMP
FROM numbered;

-- AlterTable
ALTER TABLE "Room" DROP COLUMN "gear";

-- AddForeignKey
ALTER TABLE "GearItem" ADD CONSTRAINT "GearItem_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GearItem" ADD CONSTRAINT "GearItem_homeRoomId_fkey" FOREIGN KEY ("homeRoomId") REFERENCES "Room"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SetupItem" ADD CONSTRAINT "SetupItem_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SetupItem" ADD CONSTRAINT "SetupItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SetupItem" ADD CONSTRAINT "SetupItem_gearId_fkey" FOREIGN KEY ("gearId") REFERENCES "GearItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SetupItem" ADD CONSTRAINT "SetupItem_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionTemplate" ADD CONSTRAINT "SessionTemplate_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;
