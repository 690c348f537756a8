import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCountryChoices } from '../../auth/use-country-choices.js';
import { CountrySelect } from '../../components/country-select.js';
import { FileDropZone } from '../../components/file-drop-zone.js';
import { FormError } from '../../components/form-error.js';
import { PageHeading } from '../../components/page-heading.js';
import { ProgressLine } from '../../components/progress-line.js';
import { formatBytes } from '../../format/numbers.js';
import { useTRPC } from '../../trpc.js';
import { JobProgress } from './job-progress.js';
import { submissionPath } from './submission-types.js';
import { type UploadAnswer, type UploadMode, uploadFile } from './upload-request.js';

const modes: readonly { value: UploadMode; label: string; description: string }[] = [
  {
    value: 'merge',
    label: 'Merge',
    description: 'Adds the file’s values and updates those already published; everything else stays as it is.',
  },
  {
    value: 'replace',
    label: 'Replace',
    description:
      'The file replaces the published data in its scope (its indicators, sources and years): published values it does not list are removed.',
  },
  {
    value: 'delete',
    label: 'Delete',
    description: 'Removes the values the file lists from the published data; the values in the file are ignored.',
  },
];

type Stage =
  | { kind: 'choosing' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'checking'; answer: UploadAnswer };

/** Upload a file in the ILOSTAT layout: it is sent with a progress bar, then checked while you watch. */
export function UploadPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { choices, isRegional, defaultCountry, isPending } = useCountryChoices();
  const [chosenCountry, setCountry] = useState(params.get('country') ?? '');
  const [mode, setMode] = useState<UploadMode>('merge');
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'choosing' });
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  // A focal point's own country is chosen for them; a coordinator picks one.
  const country = chosenCountry || defaultCountry;

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!country) return setProblem('Choose the country the file reports on.');
    if (!file) return setProblem('Choose the file to upload.');
    setProblem(null);
    abort.current = new AbortController();
    setStage({ kind: 'uploading', sent: 0, total: file.size });
    try {
      const answer = await uploadFile(
        { country, mode, file },
        ({ sent, total }) => setStage({ kind: 'uploading', sent, total }),
        abort.current.signal,
      );
      await queryClient.invalidateQueries({ queryKey: trpc.submissions.list.pathKey() });
      if (answer.isExisting) {
        navigate(submissionPath(answer.country, answer.submissionId), { state: { isExisting: true } });
        return;
      }
      setStage({ kind: 'checking', answer });
    } catch (error) {
      setStage({ kind: 'choosing' });
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const isBusy = stage.kind !== 'choosing';

  return (
    <>
      <p className="breadcrumb">
        <Link to="/submissions">Submissions</Link> › Upload
      </p>
      <PageHeading>Upload a file</PageHeading>
      <p>
        A CSV file in the ILOSTAT layout (columns <code>ref_area</code>, <code>source</code>, <code>indicator</code>,{' '}
        <code>sex</code>, <code>classif1</code>, <code>classif2</code>, <code>time</code>, <code>obs_value</code>…).
        After the upload the hub checks every row; you then see the findings and what the file would change before you
        submit it for review.
      </p>
      {/* Hidden, not removed, while the file travels: a failed upload comes back to the same choices. */}
      <form className="stacked-form upload-form" noValidate onSubmit={start} aria-label="Upload a file" hidden={isBusy}>
        <CountrySelect
          value={country}
          choices={choices}
          emptyLabel={isRegional || choices.length === 0 ? 'Choose a country' : undefined}
          onChange={setCountry}
          disabled={isPending}
          required
        />
        <fieldset className="mode-choices">
          <legend>What the file does to the published data</legend>
          {modes.map((choice) => (
            <div key={choice.value} className="mode-choice">
              <label>
                <input
                  type="radio"
                  name="mode"
                  value={choice.value}
                  checked={mode === choice.value}
                  aria-describedby={`mode-${choice.value}-description`}
                  onChange={() => setMode(choice.value)}
                />
                {choice.label}
              </label>
              <p id={`mode-${choice.value}-description`} className="hint">
                {choice.description}
              </p>
            </div>
          ))}
        </fieldset>
        <FileDropZone
          label="File to upload"
          hint="Choose a file, or drop it here: CSV in UTF-8 (also compressed as .csv.gz) or an Excel .xlsx workbook, up to 200 MB."
          accept=".csv,.tsv,.txt,.gz,.xlsx,text/csv"
          file={file}
          onFile={setFile}
        />
        <FormError problem={problem} />
        <button type="submit" className="action-button primary">
          Upload
        </button>
      </form>
      {isBusy && (
        <dl className="facts">
          <dt>File</dt>
          <dd className="file-name">{file?.name}</dd>
          <dt>Country</dt>
          <dd>{country}</dd>
          <dt>Mode</dt>
          <dd>{modes.find((choice) => choice.value === mode)?.label}</dd>
        </dl>
      )}
      {stage.kind === 'uploading' && (
        <section aria-labelledby="upload-heading" className="job-progress">
          <h2 id="upload-heading">Uploading</h2>
          <ProgressLine
            label="Upload"
            done={stage.sent}
            total={stage.total}
            detail={`${formatBytes(stage.sent)} of ${formatBytes(stage.total)}`}
          />
          <button type="button" className="action-button" onClick={() => abort.current?.abort()}>
            Stop the upload
          </button>
        </section>
      )}
      {stage.kind === 'checking' && (
        <JobProgress
          country={stage.answer.country}
          id={stage.answer.submissionId}
          onEnd={() => navigate(submissionPath(stage.answer.country, stage.answer.submissionId))}
        />
      )}
    </>
  );
}
