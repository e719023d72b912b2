CREATE TYPE "public"."rating_kind" AS ENUM('voortgang', 'gas', 'zelfredzaamheid', 'veiligheid');--> statement-breakpoint
CREATE TABLE "plan_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "plan_role" NOT NULL,
	"hash" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"from" "plan_status" NOT NULL,
	"to" "plan_status" NOT NULL,
	"stability" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text,
	"changed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projected_actions" (
	"plan_id" uuid NOT NULL,
	"action_id" text NOT NULL,
	"goal_id" text NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date,
	"done" boolean NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projected_actions_plan_id_action_id_pk" PRIMARY KEY("plan_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "projected_agreements" (
	"plan_id" uuid NOT NULL,
	"agreement_id" text NOT NULL,
	"what" text NOT NULL,
	"who" text NOT NULL,
	"status" text NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projected_agreements_plan_id_agreement_id_pk" PRIMARY KEY("plan_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "projected_goals" (
	"plan_id" uuid NOT NULL,
	"goal_id" text NOT NULL,
	"domain" text NOT NULL,
	"title" text NOT NULL,
	"for_whom" text NOT NULL,
	"owner" text NOT NULL,
	"status" text NOT NULL,
	"review_date" date,
	"position" integer NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projected_goals_plan_id_goal_id_pk" PRIMARY KEY("plan_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "projected_safety" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"review_date" date,
	"agreements" integer NOT NULL,
	"broken_agreements" integer NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "rating_kind" NOT NULL,
	"goal_id" text,
	"domain" text,
	"value" integer NOT NULL,
	"rater_id" uuid NOT NULL,
	"rater_role" "plan_role" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_signatures" ADD CONSTRAINT "plan_signatures_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_signatures" ADD CONSTRAINT "plan_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_changes" ADD CONSTRAINT "plan_status_changes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_changes" ADD CONSTRAINT "plan_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projected_actions" ADD CONSTRAINT "projected_actions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projected_agreements" ADD CONSTRAINT "projected_agreements_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projected_goals" ADD CONSTRAINT "projected_goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projected_safety" ADD CONSTRAINT "projected_safety_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_signatures_version_user_idx" ON "plan_signatures" USING btree ("version_id","user_id");--> statement-breakpoint
CREATE INDEX "plan_status_changes_plan_idx" ON "plan_status_changes" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_versions_plan_idx" ON "plan_versions" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "projected_actions_due_idx" ON "projected_actions" USING btree ("done","due_date");--> statement-breakpoint
CREATE INDEX "projected_goals_review_idx" ON "projected_goals" USING btree ("review_date");--> statement-breakpoint
CREATE INDEX "ratings_plan_idx" ON "ratings" USING btree ("plan_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "ratings_goal_idx" ON "ratings" USING btree ("plan_id","goal_id");