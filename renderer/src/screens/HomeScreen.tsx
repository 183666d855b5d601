import { useRef, useState, type FormEvent } from 'react';
import { call } from '../api';
import { runCommand, useCommands } from '../commands';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useShoshin } from '../store';
import { PromptDialog } from '../ui/PromptDialog';

export function HomeScreen() {
  const home = useShoshin((s) => s.home);
  const openWith = useShoshin((s) => s.openWith);
  const [name, setName] = useState('');
  const [client, setClient] = useState('');
  const [askPath, setAskPath] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
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

  const openFile = () => {
    if (home?.canPickFiles) void openWith('engagement.pickAndOpen', {});
    else setAskPath(true);
  };

  useCommands(
    () => [
      { id: 'file.new', title: 'New engagement', group: 'File', shortcut: 'Mod+N', whileTyping: true, run: () => nameField.current?.focus() },
      { id: 'file.open', title: 'Open…', group: 'File', shortcut: 'Mod+O', whileTyping: true, run: () => openFile() },
      { id: 'app.settings', title: 'Settings…', group: 'File', shortcut: 'Mod+,', whileTyping: true, run: () => setSettingsOpen(true) },
    ],
    [home],
  );

  return (
    <main className="home">
      <div className="home-inner">
        <header className="brand">
          <div className="brand-mark" aria-hidden="true" />
          <div>
            <h1>Shoshin</h1>
            <p>Capture how work really happens, in the room, as people describe it.</p>
          </div>
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
        </header>
        {welcome && (
          <section className="card welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">Welcome to Shoshin</h2>
            <p>
              Start with the sample engagement: a service desk password reset and a new starter onboarding, with pain points, quotes and
              stakeholders filled in. Everything works from the keyboard; press <kbd className="kbd">?</kbd> any time for the shortcuts.
            </p>
            <div className="row">
              <button type="button" className="btn btn-primary" onClick={openSample}>
                Open the sample engagement
              </button>
              <button type="button" className="btn" onClick={() => runCommand('help.shortcuts')}>
                Keyboard shortcuts
              </button>
              <button type="button" className="btn btn-ghost" onClick={dismissWelcome}>
                Dismiss
              </button>
            </div>
          </section>
        )}
        <div className="home-grid">
          <section className="card" aria-labelledby="new-engagement">
            <h2 id="new-engagement">New engagement</h2>
            <form className="stack" onSubmit={create}>
              <label className="field">
                Engagement name
                <input ref={nameField} className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Service desk discovery" />
              </label>
              <label className="field">
                Client
                <input className="input" value={client} onChange={(e) => setClient(e.target.value)} placeholder="e.g. Northwind Health" />
              </label>
              <div className="row">
                <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
                  Create engagement
                </button>
              </div>
            </form>
          </section>
          <section className="card" aria-labelledby="open-engagement">
            <h2 id="open-engagement">Open</h2>
            <div className="stack">
              <div className="row">
                <button type="button" className="btn" onClick={openFile}>
                  Open file…
                </button>
                <button type="button" className="btn" onClick={openSample}>
                  Open sample engagement
                </button>
              </div>
              <h3 className="visually-hidden">Recent files</h3>
              {home && home.recent.length > 0 ? (
                <ul className="recent-list" aria-label="Recent files">
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
                <p className="muted">Engagements you open appear here.</p>
              )}
            </div>
          </section>
        </div>
      </div>
      {settingsOpen && home && (
        <SettingsDialog
          initial={home.preferences}
          onClose={(saved) => {
            setSettingsOpen(false);
            if (saved) useShoshin.setState({ home: { ...home, preferences: saved } });
          }}
        />
      )}
      {askPath && (
        <PromptDialog
          title="Open engagement"
          label="Path to a .shoshin file"
          confirm="Open"
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
