/** The gezin section's tools: its body is the public surface. */
export { FamilyBody } from './FamilyBody';
