import { NavLink, Outlet } from 'react-router';
import { RequireSignIn } from '../auth/require-sign-in.js';
import { useMe } from '../auth/use-me.js';
import { UserMenu } from '../auth/user-menu.js';
import { sections } from '../sections.js';
import '../auth/accounts.css';

export function Layout() {
  return (
    <RequireSignIn>
      <Shell />
    </RequireSignIn>
  );
}

function Shell() {
  const allowed = useMe().data?.allowed ?? [];
  // The same permission map that guards the API decides what the navigation offers.
  const visible = sections.filter((section) => !section.requires || allowed.includes(section.requires));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <span className="brand">ILMS Hub</span>
        <span className="tagline">International labour migration statistics · ASEAN</span>
        <UserMenu />
      </header>
      <nav className="shell-nav" aria-label="Sections">
        <ul>
          {visible.map((section) => (
            <li key={section.path}>
              <NavLink to={section.path}>{section.title}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
