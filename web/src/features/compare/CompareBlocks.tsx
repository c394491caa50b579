import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CompareBlock, CompareRun, CompareSummary } from '@lip/common/compare';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { compareTexts } from './compare.texts';
import './compare.css';

/** A run with its marks, as the editor would show it, and ins/del for changes. */
export function RunView({ run, index }: { run: CompareRun; index?: number }) {
  const { t } = useFeatureTranslation(compareTexts);
  let node: ReactNode = run.text;
  const marks = run.marks;
  if (marks?.code) node = <code>{node}</code>;
  if (marks?.bold) node = <strong>{node}</strong>;
  if (marks?.italic) node = <em>{node}</em>;
  if (marks?.underline) node = <u>{node}</u>;
  if (marks?.strike) node = <s>{node}</s>;
  if (marks?.link) node = <span className="compare__link">{node}</span>;
  if (run.change === 'inserted') {
    return (
      <ins className="compare__ins" data-change={index}>
        <span className="visually-hidden">{t('inserted')} </span>
        {node}
      </ins>
    );
  }
  if (run.change === 'deleted') {
    return (
      <del className="compare__del" data-change={index}>
        <span className="visually-hidden">{t('deleted')} </span>
        {node}
      </del>
    );
  }
  return <>{node}</>;
}

/** Numbers each place a reader steps to: a block inserted or deleted whole, or a run of changes. */
function changeStarts(blocks: readonly CompareBlock[]): Map<string, number> {
  const starts = new Map<string, number>();
  let n = 0;
  let previousWhole = false;
  blocks.forEach((block, b) => {
    if (block.change === 'inserted' || block.change === 'deleted') {
      if (!previousWhole) starts.set(`${b}`, n++);
      previousWhole = true;
      return;
    }
    previousWhole = false;
    if (block.change !== 'changed') return;
    let inChange = false;
    block.runs.forEach((run, r) => {
      if (run.change === 'equal') {
        if (run.text.trim()) inChange = false;
        return;
      }
      if (!inChange) starts.set(`${b}:${r}`, n++);
      inChange = true;
    });
  });
  return starts;
}

function BlockElement({
  block,
  children,
  anchor,
}: {
  block: CompareBlock;
  children: ReactNode;
  anchor?: number;
}) {
  const className = [
    'compare__block',
    `compare__block--${block.change}`,
    block.context.list ? 'compare__block--list' : '',
    block.context.quote ? 'compare__block--quote' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const props = {
    className,
    style: block.context.depth > 0 ? { marginLeft: `${block.context.depth * 1.25}rem` } : undefined,
    ...(anchor !== undefined ? { 'data-change-index': anchor, tabIndex: -1 } : {}),
  };
  if (block.type === 'heading') {
    const level = Math.min(6, (block.level ?? 2) + 1);
    const Tag = `h${level}` as 'h3';
    return <Tag {...props}>{children}</Tag>;
  }
  if (block.type === 'codeBlock') return <pre {...props}>{children}</pre>;
  if (block.type === 'horizontalRule') return <hr {...props} />;
  return (
    <p {...props}>
      {block.context.list ? (
        <span aria-hidden="true">{block.context.list === 'orderedList' ? '· ' : '• '}</span>
      ) : null}
      {children}
    </p>
  );
}

/**
 * A comparison shown in the editor's styles: insertions and deletions inline (ins/del, named
 * for screen readers), a summary, and "next/previous change" by button or the N and P keys,
 * which move the focus to the change and announce its number.
 */
export function CompareBlocks({
  blocks,
  summary,
}: {
  blocks: readonly CompareBlock[];
  summary: CompareSummary;
}) {
  const { t } = useFeatureTranslation(compareTexts);
  const container = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(-1);
  const starts = changeStarts(blocks);
  const count = summary.changes;

  const go = (index: number) => {
    if (count === 0) return;
    const next = ((index % count) + count) % count;
    setCurrent(next);
    const target = container.current?.querySelector<HTMLElement>(`[data-change-index="${next}"]`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        go(current + 1);
      } else if (event.key === 'p' || event.key === 'P') {
        event.preventDefault();
        go(current - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="compare" aria-labelledby="compare-result">
      <h2 id="compare-result">{t('result')}</h2>
      <p className="compare__summary">
        {count === 0
          ? t('noChanges')
          : t('summary', {
              changes: count,
              inserted: summary.insertedWords,
              deleted: summary.deletedWords,
              blocks: summary.changedBlocks + summary.insertedBlocks + summary.deletedBlocks,
            })}
      </p>
      {count > 0 ? (
        <div className="compare__nav">
          <button type="button" className="button button--small" onClick={() => go(current - 1)}>
            {t('previous')}
          </button>
          <button type="button" className="button button--small" onClick={() => go(current + 1)}>
            {t('next')}
          </button>
          <span className="hint">{t('keys')}</span>
          <span role="status" className="compare__position">
            {current >= 0 ? t('position', { n: current + 1, count }) : ''}
          </span>
        </div>
      ) : null}
      <div ref={container} className="compare__body prose">
        {blocks.map((block, b) => {
          const whole = starts.get(`${b}`);
          return (
            <BlockElement key={b} block={block} anchor={whole}>
              {block.runs.map((run, r) => {
                const at = starts.get(`${b}:${r}`);
                if (at === undefined) return <RunView key={r} run={run} />;
                return (
                  <Fragment key={r}>
                    <span className="compare__anchor" data-change-index={at} tabIndex={-1}>
                      <RunView run={run} />
                    </span>
                  </Fragment>
                );
              })}
            </BlockElement>
          );
        })}
      </div>
    </section>
  );
}
