import { useCallback, useRef, useState } from 'react';
import type { ReturnsExportResult, ReturnsPeriod, ReturnsPreview } from '../../../shared/contract/returns';
import { api } from '../api/client';
import { downloadFile } from './download';

export type Flow =
  | { step: 'idle' }
  | { step: 'previewing'; period: ReturnsPeriod }
  | { step: 'preview'; period: ReturnsPeriod; preview: ReturnsPreview }
  | { step: 'exporting'; period: ReturnsPeriod; preview: ReturnsPreview }
  | { step: 'exported'; period: ReturnsPeriod; preview: ReturnsPreview; result: ReturnsExportResult }
  | { step: 'failed'; period: ReturnsPeriod; preview: ReturnsPreview | null; error: unknown; during: 'preview' | 'export' };

/**
 * One returns run: preview a period (counts and the first rows), then export it — the files are downloaded as
 * they arrive. A later request supersedes an earlier one still running.
 */
export function useReturnsFlow(onExported: () => void) {
  const [flow, setFlow] = useState<Flow>({ step: 'idle' });
  const ticket = useRef(0);

  const reset = useCallback(() => {
    ticket.current++;
    setFlow({ step: 'idle' });
  }, []);

  const preview = useCallback(async (period: ReturnsPeriod) => {
    const mine = ++ticket.current;
    setFlow({ step: 'previewing', period });
    try {
      const p = await api.call('returns.preview', period);
      if (ticket.current === mine) setFlow({ step: 'preview', period, preview: p });
    } catch (error) {
      if (ticket.current === mine) setFlow({ step: 'failed', period, preview: null, error, during: 'preview' });
    }
  }, []);

  const exportFiles = useCallback(
    async (period: ReturnsPeriod, shown: ReturnsPreview) => {
      const mine = ++ticket.current;
      setFlow({ step: 'exporting', period, preview: shown });
      try {
        const result = await api.call('returns.export', period);
        for (const file of result.files) downloadFile(file);
        if (ticket.current === mine) setFlow({ step: 'exported', period, preview: shown, result });
        onExported();
      } catch (error) {
        if (ticket.current === mine) setFlow({ step: 'failed', period, preview: shown, error, during: 'export' });
      }
    },
    [onExported],
  );

  return { flow, preview, exportFiles, reset };
}
