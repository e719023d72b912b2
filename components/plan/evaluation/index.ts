/** The evaluatie section's tools: its body is the public surface. */
export { EvaluationBody } from './EvaluationBody';
