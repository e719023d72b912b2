CREATE TABLE "placement_threats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"threatened" boolean NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projected_evaluation" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"stability" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reviews" integer NOT NULL,
	"latest_review_date" date,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "municipality" text;--> statement-breakpoint
ALTER TABLE "projected_actions" ADD COLUMN "done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projected_agreements" ADD COLUMN "broken_at" date;--> statement-breakpoint
ALTER TABLE "projected_agreements" ADD COLUMN "escalated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "placement_threats" ADD CONSTRAINT "placement_threats_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_threats" ADD CONSTRAINT "placement_threats_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projected_evaluation" ADD CONSTRAINT "projected_evaluation_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_threats_plan_idx" ON "placement_threats" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_action_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_plan_actor_idx" ON "audit_events" USING btree ("plan_id","actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_plan_movement_idx" ON "audit_events" USING btree ("plan_id","at") WHERE action in ('section.write', 'rating.create', 'safety.rate', 'comment.create', 'comment.reply', 'plan.status_change', 'safety.agreement_broken', 'version.sign');--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING btree ("region_id","municipality");--> statement-breakpoint
CREATE INDEX "ratings_kind_domain_idx" ON "ratings" USING btree ("kind","domain","plan_id","created_at");--> statement-breakpoint
CREATE INDEX "yjs_updates_plan_user_idx" ON "yjs_updates" USING btree (substring("doc", 6, 36),"user_id","created_at");--> statement-breakpoint
-- Actions done before done_at existed: the moment they were last projected is the best we know.
UPDATE "projected_actions" SET "done_at" = "projected_at" WHERE "done";