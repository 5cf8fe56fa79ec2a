// 方法说明: the methodology page, generated from the metric catalogue (labels, form places,
// meanings, rates) and the identities, so it cannot drift from what the views compute.
import { useEffect } from 'react';
import { CATALOGUE, identityFormula, METRICS_BY_SECTION, RATES, SECTIONS, type Section } from '../../shared/metric-catalogue';
import { IDENTITIES } from '../../shared/metrics';
import type { MessageKey } from '../i18n/messages';
import type { ViewProps } from './common';

export function Methods({ t, locale }: ViewProps) {
  const text = (key: MessageKey) => t(key);
  // A chart's link names its part (#methods-…): the page is drawn by then, so it can be shown.
  useEffect(() => {
    if (window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, []);
  return (
    <div className="view methods" data-testid="methods">
      <h2>{t('methods.title')}</h2>
      {(['templates', 'scope'] as const).map((part) => (
        <section className="panel" id={`methods-${part}`} key={part}>
          <h3>{text(`methods.${part}.title` as MessageKey)}</h3>
          <p>{text(`methods.${part}.text` as MessageKey)}</p>
        </section>
      ))}
      <section className="panel" id="methods-metrics">
        <h3>{t('methods.metrics.title')}</h3>
        <p>{t('methods.metrics.text')}</p>
        {(Object.keys(SECTIONS) as Section[]).map((section) => (
          <div key={section} className="table-scroll" tabIndex={0} role="region" aria-label={SECTIONS[section][locale]}>
            <h4>{SECTIONS[section][locale]}</h4>
            <table data-testid={`methods-metrics-${section}`}>
              <thead>
                <tr>
                  <th>id</th><th>{t('methods.label')}</th><th>{t('methods.unit')}</th><th>{t('template.table2019')}</th><th>{t('template.table2021')}</th><th>{t('template.narrative')}</th><th>{t('methods.meaning')}</th><th>{t('rates')}</th>
                </tr>
              </thead>
              <tbody>
                {METRICS_BY_SECTION[section].map((id) => {
                  const e = CATALOGUE.get(id)!;
                  return (
                    <tr key={id} id={`metric-${id}`} data-testid="methods-metric">
                      <td><code>{id}</code></td>
                      <td>{e.label[locale]}</td>
                      <td>{e.unit[locale]}</td>
                      <td>{e.place.table2019?.[locale] ?? '—'}</td>
                      <td>{e.place.table2021?.[locale] ?? '—'}</td>
                      <td>{e.place.narrative ? '✓' : '—'}</td>
                      <td>{e.meaning?.[locale] ?? ''}</td>
                      <td>{e.rates.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <section className="panel" id="methods-checks">
        <h3>{t('methods.checks.title')}</h3>
        <p>{t('methods.checks.text')}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('methods.checks.title')}>
          <table data-testid="methods-checks">
            <thead><tr><th>id</th><th>{t('report.formula')}</th></tr></thead>
            <tbody>
              {IDENTITIES.map((identity) => (
                <tr key={identity.id}><td><code>{identity.id}</code></td><td>{identityFormula(identity, locale)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" id="methods-rates">
        <h3>{t('methods.rates.title')}</h3>
        <p>{t('methods.rates.text')}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('methods.rates.title')}>
          <table data-testid="methods-rates">
            <tbody>
              {RATES.map((r) => (
                <tr key={r.id}>
                  <td><code>{r.id}</code></td>
                  <td>{r.label[locale]}</td>
                  <td>
                    {`Σ (${r.numerator.map((m) => CATALOGUE.get(m)?.label[locale] ?? m).join(' + ')}) ÷ Σ (${[
                      r.denominator.plus.map((m) => CATALOGUE.get(m)?.label[locale] ?? m).join(' + '),
                      ...r.denominator.minus.map((m) => CATALOGUE.get(m)?.label[locale] ?? m),
                    ].join(' − ')})`}
                  </td>
                  <td>{r.excluded[locale]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {(['bodies', 'shares', 'coverage', 'layers'] as const).map((part) => (
        <section className="panel" id={`methods-${part}`} key={part}>
          <h3>{text(`methods.${part}.title` as MessageKey)}</h3>
          <p>{text(`methods.${part}.text` as MessageKey)}</p>
        </section>
      ))}
    </div>
  );
}
