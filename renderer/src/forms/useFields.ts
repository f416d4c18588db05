import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrors, MIN_SECRET, type Errors } from './validate';

interface FieldProps {
  name: string;
  value: string;
  onChange(e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void;
  onBlur(): void;
  error: boolean;
  helperText: string | undefined;
}

/**
 * Values, per-field validation shown once a field was left (or on submit), and the props to spread on a TextField.
 * `validate` answers an i18n key per field.
 */
export function useFields<K extends string>(initial: Record<K, string>, validate: (v: Record<K, string>) => Errors<K>, hints: Partial<Record<K, string>> = {}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<K, boolean>>>({});
  const errors = validate(values);

  function field(name: K): FieldProps {
    const key = touched[name] ? errors[name] : null;
    return {
      name,
      value: values[name],
      onChange: (e) => setValues((v) => ({ ...v, [name]: e.target.value })),
      onBlur: () => setTouched((s) => ({ ...s, [name]: true })),
      error: Boolean(key),
      helperText: key ? t(key, { min: MIN_SECRET }) : hints[name],
    };
  }

  /** Marks every field touched; true when the form may be sent. */
  function check(): boolean {
    setTouched(Object.fromEntries(Object.keys(values).map((k) => [k, true])) as Record<K, boolean>);
    return !hasErrors(errors);
  }

  function reset(): void {
    setValues(initial);
    setTouched({});
  }

  return { values, field, check, reset, setValues };
}
