// The article reader: a click on a coded span opens its row; the legend hides or shows each kind.
document.addEventListener("DOMContentLoaded", () => {
  const article = document.getElementById("article");
  const legend = document.getElementById("legend");
  if (!article) {
    return;
  }
  article.addEventListener("click", (event) => {
    // the innermost span of a kind that is shown
    let mark = event.target.closest("mark.span");
    while (mark && article.classList.contains("hide-" + mark.dataset.kind)) {
      mark = mark.parentElement.closest("mark.span");
    }
    if (mark) {
      window.location.href = mark.dataset.href;
    }
  });
  if (legend) {
    legend.addEventListener("change", (event) => {
      const box = event.target;
      article.classList.toggle("hide-" + box.value, !box.checked);
    });
  }
});
