import { revisionReasonCodes, revisionReasonLabels } from './revision-reasons.js';
import type { RevisionReasonCode } from './submission-types.js';

export interface RevisionValues {
  reason: RevisionReasonCode | '';
  text: string;
}

interface RevisionFieldsProps {
  values: RevisionValues;
  /** Required when the submission changes or removes published values. */
  isRequired: boolean;
  onChange: (values: RevisionValues) => void;
}

/** Why published values change: a reason from the short list, and optionally a sentence for readers. */
export function RevisionFields({ values, isRequired, onChange }: RevisionFieldsProps) {
  const chosen = values.reason ? revisionReasonLabels[values.reason] : null;
  return (
    <fieldset className="revision-fields">
      <legend>Revision of published data</legend>
      <p className="hint">
        {isRequired
          ? 'This submission changes or removes values already published: say why, for the readers of the data.'
          : 'Nothing published changes; a reason is optional.'}
      </p>
      <label>
        Revision reason{isRequired ? ' (required)' : ''}
        <select
          value={values.reason}
          required={isRequired}
          aria-describedby="revision-reason-description"
          onChange={(e) => onChange({ ...values, reason: e.target.value as RevisionReasonCode | '' })}
        >
          <option value="">{isRequired ? 'Choose a reason' : 'No reason'}</option>
          {revisionReasonCodes.map((code) => (
            <option key={code} value={code}>
              {revisionReasonLabels[code].label}
            </option>
          ))}
        </select>
      </label>
      <p id="revision-reason-description" className="hint">
        {chosen?.description ?? ''}
      </p>
      <label>
        Explanation for readers (optional)
        <textarea
          rows={2}
          maxLength={2000}
          value={values.text}
          onChange={(e) => onChange({ ...values, text: e.target.value })}
        />
      </label>
    </fieldset>
  );
}

/** The publish and schedule inputs for a revision; empty text is left out. */
export const revisionInput = (values: RevisionValues) => ({
  revisionReason: values.reason || undefined,
  revisionText: values.text.trim() || undefined,
});
