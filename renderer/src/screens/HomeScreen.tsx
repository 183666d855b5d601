import { useState, type FormEvent } from 'react';
import { useShoshin } from '../store';
import { PromptDialog } from '../ui/PromptDialog';

export function HomeScreen() {
  const home = useShoshin((s) => s.home);
  const openWith = useShoshin((s) => s.openWith);
  const [name, setName] = useState('');
  const [client, setClient] = useState('');
  const [askPath, setAskPath] = useState(false);

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) void openWith('engagement.create', { name: name.trim(), client: client.trim() });
  };

  const openFile = () => {
    if (home?.canPickFiles) void openWith('engagement.pickAndOpen', {});
    else setAskPath(true);
  };

  return (
    <main className="home">
      <div className="home-inner">
        <header className="brand">
          <div className="brand-mark" aria-hidden="true" />
          <div>
            <h1>Shoshin</h1>
            <p>Capture how work really happens, in the room, as people describe it.</p>
          </div>
        </header>
        <div className="home-grid">
          <section className="card" aria-labelledby="new-engagement">
            <h2 id="new-engagement">New engagement</h2>
            <form className="stack" onSubmit={create}>
              <label className="field">
                Engagement name
                <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Service desk discovery" />
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
                <button type="button" className="btn" onClick={() => void openWith('engagement.openSample', {})}>
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
