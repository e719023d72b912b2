/** The veiligheid section's tools (agreements, safety scale, broken agreements): its body is the public surface. */
export { SafetyBody } from './SafetyBody';
