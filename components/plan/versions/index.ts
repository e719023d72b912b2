/**
 * Named versions of the plan ("plan vaststellen"): the list and one version (server-rendered from the page's
 * data), the latest version on the plan page, and the forms to record and to sign a version.
 */
export { VersionList, type VersionListProps } from './VersionList';
export { VersionSummary } from './VersionSummary';
export { VersionView, type VersionViewProps } from './VersionView';
