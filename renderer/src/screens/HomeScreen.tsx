import { useRef, useState, type FormEvent } from 'react';
import { ApiError, call } from '../api';
import { runCommand, useCommands } from '../commands';
import { useSettingsUi } from '../settings/SettingsHost';
import { showNotice, useShoshin } from '../store';
import { PromptDialog } from '../ui/PromptDialog';
import { t } from '../i18n';
import './home.css';

export function HomeScreen() {
  const home = useShoshin((s) => s.home);
  const openWith = useShoshin((s) => s.openWith);
  const [name, setName] = useState('');
  const [client, setClient] = useState('');
  const [askPath, setAskPath] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  const welcome = home && !home.preferences.welcomed;

  const dismissWelcome = () => {
    void call('settings.update', { welcomed: true }).then((preferences) => home && useShoshin.setState({ home: { ...home, preferences } }));
  };

  const openSample = () => {
    if (welcome) void call('settings.update', { welcomed: true });
    void openWith('engagement.openSample', {});
  };


  const create = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) void openWith('engagement.create', { name: name.trim(), client: client.trim() });
  };

  // The desktop's file dialog runs in main, which hands the chosen file to this window to open.
  const openFile = () => {
    if (!home?.canPickFiles) return setAskPath(true);
    void call('engagement.pickFile', {}).then(
      (picked) => {
        if (picked.path) void openWith('engagement.open', { path: picked.path });
      },
      (error: unknown) => showNotice(error instanceof ApiError ? error.message : t('shell.store.genericError'), { error: true }),
    );
  };

  useCommands(
    () => [
      { id: 'file.new', title: t('shell.home.newEngagementCommand'), group: t('shell.commandList.group.file'), shortcut: 'Mod+N', whileTyping: true, run: () => nameField.current?.focus() },
      { id: 'file.open', title: t('shell.home.openCommand'), group: t('shell.commandList.group.file'), shortcut: 'Mod+O', whileTyping: true, run: () => openFile() },
    ],
    [home],
  );

  return (
    <main className="home">
      <div className="home-inner">
        <header className="brand">
          <div className="brand-mark" aria-hidden="true" />
          <div>
            <h1>{t('shell.home.title')}</h1>
            <p>{t('shell.home.tagline')}</p>
          </div>
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => useSettingsUi.getState().show()}>
            {t('shell.home.settings')}
          </button>
        </header>
        {welcome && (
          <section className="card welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">{t('shell.home.welcomeTitle')}</h2>
            <p>
              {t('shell.home.welcomeBefore')}
              <kbd className="kbd">{t('shell.home.welcomeKey')}</kbd>
              {t('shell.home.welcomeAfter')}
            </p>
            <div className="row">
              <button type="button" className="btn btn-primary" onClick={openSample}>
                {t('shell.home.openTheSample')}
              </button>
              <button type="button" className="btn" onClick={() => runCommand('help.shortcuts')}>
                {t('shell.home.keyboardShortcuts')}
              </button>
              <button type="button" className="btn btn-ghost" onClick={dismissWelcome}>
                {t('shell.home.dismiss')}
              </button>
            </div>
          </section>
        )}
        <div className="home-grid">
          <section className="card" aria-labelledby="new-engagement">
            <h2 id="new-engagement">{t('shell.home.newEngagement')}</h2>
            <form className="stack" onSubmit={create}>
              <label className="field">
                {t('shell.home.engagementName')}
                <input ref={nameField} className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('shell.home.engagementNamePlaceholder')} />
              </label>
              <label className="field">
                {t('shell.home.client')}
                <input className="input" value={client} onChange={(e) => setClient(e.target.value)} placeholder={t('shell.home.clientPlaceholder')} />
              </label>
              <div className="row">
                <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
                  {t('shell.home.create')}
                </button>
              </div>
            </form>
          </section>
          <section className="card" aria-labelledby="open-engagement">
            <h2 id="open-engagement">{t('shell.home.open')}</h2>
            <div className="stack">
              <div className="row">
                <button type="button" className="btn" onClick={openFile}>
                  {t('shell.home.openFile')}
                </button>
                <button type="button" className="btn" onClick={openSample}>
                  {t('shell.home.openSample')}
                </button>
              </div>
              <h3 className="visually-hidden">{t('shell.home.recentFiles')}</h3>
              {home && home.recent.length > 0 ? (
                <ul className="recent-list" aria-label={t('shell.home.recentFiles')}>
                  {home.recent.map((file) => (
                    <li key={file.path}>
                      <button type="button" onClick={() => void openWith('engagement.open', { path: file.path })}>
                        <div className="recent-name">{file.name}</div>
                        <div className="recent-path">{file.path}</div>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('shell.home.noRecent')}</p>
              )}
            </div>
          </section>
        </div>
      </div>
      {askPath && (
        <PromptDialog
          title={t('shell.home.openEngagement')}
          label={t('shell.home.pathLabel')}
          confirm={t('shell.home.open')}
          onCancel={() => setAskPath(false)}
          onSubmit={(path) => {
            setAskPath(false);
            void openWith('engagement.open', { path });
          }}
        />
      )}
    </main>
  );
}
