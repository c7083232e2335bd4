// Progressive enhancement only: every page works without this file.
// 1. Forms marked data-autosubmit submit when a filter changes.
// 2. Elements with data-live-url re-fetch a fragment when their form changes (used by what-if forms).
document.addEventListener('change', (event) => {
  const form = event.target instanceof Element ? event.target.closest('form[data-autosubmit]') : null;
  if (form && !(event.target instanceof HTMLInputElement && event.target.type === 'search')) form.requestSubmit();
});
document.addEventListener('input', (event) => {
  const form = event.target instanceof Element ? event.target.closest('form[data-live-url]') : null;
  if (!form) return;
  clearTimeout(form._rammeTimer);
  form._rammeTimer = setTimeout(async () => {
    const target = document.getElementById(form.dataset.liveTarget);
    if (!target) return;
    const body = new URLSearchParams(new FormData(form));
    const res = await fetch(form.dataset.liveUrl, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-ramme-fragment': '1' },
    });
    if (res.ok) target.innerHTML = await res.text();
  }, 250);
});
