// Posts the pasted articles to the JSON API and opens the briefing page it returns.
const form = document.getElementById("brief-form");
document.getElementById("add-box").addEventListener("click", () => {
  const box = document.createElement("textarea");
  box.name = "article"; box.rows = 6; box.placeholder = "Paste another article…";
  document.getElementById("boxes").appendChild(box);
});
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = document.getElementById("status");
  const articles = [...form.querySelectorAll("textarea[name=article]")]
    .map((t) => t.value.trim()).filter((t) => t).map((text) => ({ text }));
  if (!articles.length) { status.textContent = "Paste at least one article."; return; }
  status.textContent = "Briefing…";
  const resp = await fetch("/api/brief", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ articles, words: Number(form.words.value) || 150 }),
  });
  const data = await resp.json();
  if (!resp.ok) {
    const problems = (data.detail && data.detail.problems) || [JSON.stringify(data.detail)];
    status.textContent = "Could not brief: " + problems.join("; ");
    return;
  }
  window.location.href = "/briefings/" + data.story_id;
});
