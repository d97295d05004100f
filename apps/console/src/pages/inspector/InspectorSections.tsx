import type { JourneyStatus } from '../../api/views';
import {
  mayCloseDeviations,
  mayExportRecords,
  mayReadCustody,
  mayReadDeviations,
  mayReadSignatures,
} from '../../roles';
import { CustodyPicture } from './CustodyPicture';
import { Deviations } from './Deviations';
import { JourneyExports } from './Exports';
import { Signatures } from './Signatures';

interface Props {
  journey: JourneyStatus;
  role: string;
  /** A closure changed the journey (its release gates): the journey is read again. */
  onJourneyChanged(): void;
}

/**
 * What ops, QA and an inspector read of a journey (issue 14): its chain of custody, its
 * exports, its deviations with QA's closures, and its signatures with their validity, each as
 * the user's role may see it.
 */
export function InspectorSections({ journey, role, onJourneyChanged }: Props) {
  const { view } = journey;
  const version = journey.timeline.length;
  return (
    <>
      {mayExportRecords(role) && <JourneyExports donorCode={view.donorCode} />}
      {mayReadCustody(role) && (
        <CustodyPicture
          donorCode={view.donorCode}
          batchNumber={view.batchNumber}
          version={version}
        />
      )}
      {mayReadDeviations(role) && (
        <Deviations
          donorCode={view.donorCode}
          notices={view.deviations}
          mayClose={mayCloseDeviations(role)}
          version={version}
          onClosed={onJourneyChanged}
        />
      )}
      {mayReadSignatures(role) && <Signatures donorCode={view.donorCode} version={version} />}
    </>
  );
}
