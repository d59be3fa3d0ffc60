// The book's picture players: an explorer's figure, rendered at build time at each value of its
// controls (one slider, or a grid of two), swapped as the range sliders move. No kernel, no network.
document.addEventListener("input", (event) => {
  const player = event.target.closest(".dlmath-player");
  if (!player || event.target.type !== "range") return;
  const frames = JSON.parse(player.dataset.frames), labels = JSON.parse(player.dataset.labels);
  const inputs = Array.from(player.querySelectorAll("input[type=range]"));
  let index = 0, stride = 1;
  inputs.forEach((input, k) => {
    const i = Number(input.value);
    input.parentElement.querySelector("output").textContent = labels[k][i];
    index += i * stride;
    stride *= labels[k].length;
  });
  player.querySelector("img").src = frames[index];
});
