-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "blockedReason" TEXT NOT NULL DEFAULT '';
