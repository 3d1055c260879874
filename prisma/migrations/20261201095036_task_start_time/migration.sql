-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "startsAt" TIMESTAMPTZ(3);
