-- Course fields of the local-treatment rule (seed 002, docs/COURSE_FORMAT.md). All nullable: an
-- absent value means "not recorded" (for the lesion booleans too, unlike the other booleans).
ALTER TABLE patient ADD COLUMN life_expectancy_months INTEGER CHECK (life_expectancy_months >= 0);
ALTER TABLE patient ADD COLUMN progression_rate VARCHAR(16);
ALTER TABLE lesion ADD COLUMN fdg_avid BOOLEAN;
ALTER TABLE lesion ADD COLUMN symptomatic BOOLEAN;
ALTER TABLE lesion ADD COLUMN miliary BOOLEAN;
