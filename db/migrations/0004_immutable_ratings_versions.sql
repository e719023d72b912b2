-- Ratings are never overwritten, and a named version (with its signatures) never changes once stored.
CREATE OR REPLACE FUNCTION refuse_change_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ratings_immutable BEFORE UPDATE OR DELETE ON ratings
  FOR EACH ROW EXECUTE FUNCTION refuse_change_immutable();
--> statement-breakpoint
CREATE TRIGGER plan_versions_immutable BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_immutable();
--> statement-breakpoint
CREATE TRIGGER plan_signatures_immutable BEFORE UPDATE OR DELETE ON plan_signatures
  FOR EACH ROW EXECUTE FUNCTION refuse_change_immutable();
