import { NavLink, Outlet } from 'react-router';
import { sections } from '../sections.js';

export function Layout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <span className="brand">ILMS Hub</span>
        <span className="tagline">International labour migration statistics · ASEAN</span>
      </header>
      <nav className="shell-nav" aria-label="Sections">
        <ul>
          {sections.map((section) => (
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
