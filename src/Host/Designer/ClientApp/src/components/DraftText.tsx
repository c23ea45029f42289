import { useState, type TextareaHTMLAttributes, type InputHTMLAttributes } from 'react';
import type { Json } from '../types';

type Parsed = { ok: true; value: Json | undefined } | { ok: false; message: string };

interface Props {
  /** The stored value (undefined: not given). */
  value: Json | undefined;
  format: (value: Json | undefined) => string;
  parse: (text: string) => Parsed;
  onChange: (value: Json | undefined) => void;
  multiline?: boolean;
  inputProps?: InputHTMLAttributes<HTMLInputElement> & Record<`data-${string}`, string>;
  textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement> & Record<`data-${string}`, string>;
  errorId: string;
}

/**
 * A field whose text is not always a value yet (a number being typed, JSON half written): it keeps its own text,
 * stores the value whenever the text parses, and says so when it does not.
 */
export function DraftText({ value, format, parse, onChange, multiline, inputProps, textareaProps, errorId }: Props) {
  const formatted = format(value);
  const [text, setText] = useState(formatted);
  const [seen, setSeen] = useState(formatted);
  if (formatted !== seen) {
    setSeen(formatted);
    const current = parse(text);
    if (!current.ok || format(current.value) !== formatted) setText(formatted);
  }
  const result = parse(text);
  const onText = (next: string) => {
    setText(next);
    const parsed = parse(next);
    if (parsed.ok) onChange(parsed.value);
  };
  const invalid = !result.ok;
  return (
    <>
      {multiline ? (
        <textarea
          {...textareaProps}
          className="form-input ontwerper-code"
          value={text}
          aria-invalid={invalid}
          aria-errormessage={invalid ? errorId : undefined}
          spellCheck={false}
          onChange={(e) => onText(e.target.value)}
        />
      ) : (
        <input
          {...inputProps}
          className="form-input"
          value={text}
          aria-invalid={invalid}
          aria-errormessage={invalid ? errorId : undefined}
          onChange={(e) => onText(e.target.value)}
        />
      )}
      {!result.ok && (
        <p className="form-field__error" id={errorId}>
          {result.message}
        </p>
      )}
    </>
  );
}

export const integerFormat = {
  format: (v: Json | undefined) => (typeof v === 'number' ? String(v) : v === undefined ? '' : JSON.stringify(v)),
  parse: (text: string): Parsed => {
    const t = text.trim();
    if (t === '') return { ok: true, value: undefined };
    return /^-?\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, message: 'Vul een heel getal in, bijvoorbeeld 50.' };
  },
};

export const jsonFormat = {
  format: (v: Json | undefined) => (v === undefined ? '' : JSON.stringify(v, null, 2)),
  parse: (text: string): Parsed => {
    if (text.trim() === '') return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(text) as Json };
    } catch (e) {
      return { ok: false, message: `Geen geldige JSON (${e instanceof Error ? e.message : String(e)}). Tekst staat tussen dubbele aanhalingstekens.` };
    }
  },
};
