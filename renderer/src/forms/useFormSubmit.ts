import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';

/**
 * A form's submit: checks the fields, runs the call once at a time (busy) and keeps the failure as a sentence in the
 * user's language. `clearError` is for closing the form.
 */
export function useFormSubmit(check: () => boolean, run: () => Promise<void>) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!check()) return;
    setBusy(true);
    try {
      await run();
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, clearError: () => setError(null), submit: (e: FormEvent) => void submit(e) };
}
