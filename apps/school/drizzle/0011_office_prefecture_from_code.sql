-- The préfecture's name is read from its code (apps/school/src/offices/prefecture.ts): one name everywhere, none kept stale.
ALTER TABLE "offices" DROP COLUMN "prefecture_name";