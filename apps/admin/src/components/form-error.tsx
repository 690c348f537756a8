import { errorText } from '../auth/error-text.js';

interface FormErrorProps {
  /** A failed call's error (a query's or mutation's `error`); null or undefined: none. */
  error?: unknown;
  /** A problem found before anything was sent; shown instead of `error`. */
  problem?: string | null;
  id?: string;
}

/** Why an action did not go through, announced as it appears; nothing when all is well. */
export function FormError({ error, problem, id }: FormErrorProps) {
  if (!problem && (error === null || error === undefined)) return null;
  return (
    <p role="alert" id={id} className="form-error">
      {problem || errorText(error)}
    </p>
  );
}
