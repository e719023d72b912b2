/** "Plan starten": the form a local-team professional starts a plan with. */
export { StartPlanForm } from './StartPlanForm';
