import { useEffect, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { searchTexts } from './search.texts';

/** The one search field in the header: submits to the search page (`/search?q=…`). */
export function SearchField() {
  const { t } = useFeatureTranslation(searchTexts);
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const current =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [query, setQuery] = useState(current);
  useEffect(() => setQuery(current), [current]);
  return (
    <form
      role="search"
      className="search-field"
      onSubmit={(event) => {
        event.preventDefault();
        const q = query.trim();
        if (q) void navigate(`/search?q=${encodeURIComponent(q)}`);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('label')}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={query}
        maxLength={200}
        placeholder={t('placeholder')}
        onChange={(event) => setQuery(event.target.value)}
      />
      <button type="submit" className="search-field__submit">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
          <path
            fill="currentColor"
            d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z"
          />
        </svg>
        <span className="visually-hidden">{t('submit')}</span>
      </button>
    </form>
  );
}
