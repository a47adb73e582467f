import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, NavLink, Route, Routes } from "react-router";
import { Provider } from "urql";
import { client } from "./client";
import { NotFound } from "./pages/NotFound";
import { ClaimPage } from "./pages/ClaimPage";
import { ComparePage } from "./pages/ComparePage";
import { OrganizationPage, PersonPage } from "./pages/AgentPage";
import { ReviewPage } from "./pages/ReviewPage";
import { SearchPage } from "./pages/SearchPage";
import "./styles.css";

function App() {
  return (
    <>
      <a className="skip" href="#main">Skip to the content</a>
      <header className="site">
        <nav aria-label="Main">
          <span className="brand">claimtrace</span>
          <NavLink to="/" end>Search</NavLink>
          <NavLink to="/compare">Compare people</NavLink>
          <NavLink to="/review">Review candidates</NavLink>
        </nav>
      </header>
      <main id="main">
        <Routes>
          <Route path="/" element={<SearchPage />} />
          <Route path="/claim/:id" element={<ClaimPage />} />
          <Route path="/person/:id" element={<PersonPage />} />
          <Route path="/organization/:id" element={<OrganizationPage />} />
          <Route path="/compare" element={<ComparePage />} />
          <Route path="/review" element={<ReviewPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Provider value={client}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </Provider>
  </StrictMode>,
);
