import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { navigation } from './area';
import { useMyPages } from './AreasContext';
import { roleLabel, useSession, useSignedIn } from './session';
import { ReauthDialog } from '../access';

export function Layout({ children }: { children: ReactNode }) {
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // The phone menu stays open only on the page it was opened on: navigating closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;

  // On navigation (not the first page), move focus to the page, as a full page load would, so
  // a screen reader starts reading the new page.
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const groups = navigation(useMyPages());

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <span className="brand">Trellis</span>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="site-nav"
          onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
        >
          Menu
        </button>
        <div className="who">
          <span>
            <strong>{user.displayName}</strong> <span className="muted">· {roleLabel(user.role)}</span>
          </span>
          <button type="button" className="link-button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <div className="body">
        <nav id="site-nav" aria-label="Main" className={menuOpen ? 'open' : ''}>
          {groups.map(([group, items]) => (
            <div key={group} className="nav-group">
              <h2 className="nav-heading">{group}</h2>
              <ul>
                {items.map((p) => (
                  <li key={p.path}>
                    <NavLink to={p.path} end={p.path === '/'}>
                      {p.nav!.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" tabIndex={-1} ref={mainRef}>
          {children}
        </main>
      </div>
      <ReauthDialog />
    </div>
  );
}
