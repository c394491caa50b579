import { useEffect, useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../generated';
import type { ExportFormat, ExportTargetInput } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ApiErrorNotice } from '../../ui/ErrorNotice';
import { exportsTexts } from './exports.texts';
import './exports.css';

const ExportFormatsDocument = graphql(`
  query ExportFormats {
    exportFormats {
      format
      available
    }
  }
`);

const RequestExportDocument = graphql(`
  mutation RequestExport($input: RequestExportInput!) {
    requestExport(input: $input) {
      job {
        id
        ...ExportButtons_job
      }
    }
  }
`);

const ExportJobDocument = graphql(`
  query ExportJobProgress($id: ID!) {
    exportJob(id: $id) {
      id
      ...ExportButtons_job
    }
  }
`);

graphql(`
  fragment ExportButtons_job on ExportJob {
    id
    format
    status
    progress
    stage
    fileName
    bytes
    error
    downloadUrl
  }
`);

interface JobState {
  id: string;
  format: ExportFormat;
  status: string;
  progress: number;
  stage: string;
  fileName?: string | null;
  bytes?: number | null;
  error?: string | null;
  downloadUrl?: string | null;
}

const FORMATS: ExportFormat[] = ['PDF', 'ODT', 'DOCX', 'MARKDOWN'];

function formatSize(bytes: number, locale: string): string {
  const kb = bytes / 1024;
  const value = kb < 1024 ? `${Math.max(1, Math.round(kb))} KB` : `${(kb / 1024).toFixed(1)} MB`;
  return locale.startsWith('de') ? value.replace('.', ',') : value;
}

/**
 * Export buttons for one target (paper, edition, document, measure, catalogue): each format
 * starts a job on the server; its progress is shown and announced, and the file is offered for
 * download when done. ODT and PDF are disabled, with the reason, while the server has no
 * LibreOffice.
 */
export function ExportButtons({
  target,
  headingLevel = 2,
}: {
  target: ExportTargetInput;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useFeatureTranslation(exportsTexts);
  const client = useApolloClient();
  const { data } = useQuery(ExportFormatsDocument, { fetchPolicy: 'cache-first' });
  const [request, { error }] = useMutation(RequestExportDocument);
  const [jobs, setJobs] = useState<Record<string, JobState>>({});
  const availability = new Map(data?.exportFormats.map((f) => [f.format, f.available]) ?? []);
  const active = Object.values(jobs).filter(
    (job) => job.status === 'QUEUED' || job.status === 'RUNNING',
  );
  const activeKey = active.map((job) => job.id).join(',');

  useEffect(() => {
    if (!activeKey) return;
    const ids = activeKey.split(',');
    const timer = window.setInterval(() => {
      for (const id of ids) {
        void client
          .query({ query: ExportJobDocument, variables: { id }, fetchPolicy: 'network-only' })
          .then((result) => {
            const job = result.data?.exportJob as JobState | null | undefined;
            if (job) setJobs((current) => ({ ...current, [job.format]: job }));
          })
          .catch(() => undefined);
      }
    }, 700);
    return () => window.clearInterval(timer);
  }, [activeKey, client]);

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="exports" aria-label={t('heading')}>
      <Heading className="exports__heading">{t('heading')}</Heading>
      <p className="hint">{t('intro')}</p>
      <ul className="exports__list">
        {FORMATS.map((format) => {
          const label = t(`format.${format}`);
          const available = availability.get(format) ?? true;
          const job = jobs[format];
          const busy = job?.status === 'QUEUED' || job?.status === 'RUNNING';
          return (
            <li key={format} className="exports__item">
              <button
                type="button"
                className="button button--small"
                disabled={!available || busy}
                aria-describedby={available ? undefined : `export-${format}-why`}
                onClick={() => {
                  void request({ variables: { input: { target, format } } })
                    .then((result) => {
                      const created = result.data?.requestExport.job as JobState | undefined;
                      if (created) setJobs((current) => ({ ...current, [format]: created }));
                    })
                    .catch(() => undefined);
                }}
              >
                {t('request', { format: label })}
              </button>
              {!available ? (
                <span id={`export-${format}-why`} className="hint">
                  {t('unavailable', { format: label })}
                </span>
              ) : null}
              {job ? (
                <div className="exports__job" role="status">
                  {busy ? (
                    <>
                      <progress
                        max={100}
                        value={job.progress}
                        aria-label={t('progress', { format: label })}
                      />
                      <span className="hint">
                        {t(`stage.${job.stage}`, { defaultValue: job.stage })}
                      </span>
                    </>
                  ) : null}
                  {job.status === 'DONE' && job.downloadUrl ? (
                    <a
                      className="button button--small button--primary"
                      href={job.downloadUrl}
                      download={job.fileName ?? true}
                    >
                      {t('download', {
                        file: job.fileName ?? format,
                        size: formatSize(job.bytes ?? 0, i18n.language),
                      })}
                    </a>
                  ) : null}
                  {job.status === 'FAILED' ? (
                    <p className="notice notice--error">
                      {t('failed', { format: label, reason: job.error ?? '' })}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {error ? <ApiErrorNotice error={error} /> : null}
    </section>
  );
}
