// The forms post to the same endpoints any client uses; the page holds no legal logic.
const form = document.querySelector('#evaluate');
const answer = document.querySelector('#answer');

form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  let facts;
  try {
    facts = JSON.parse(String(data.get('facts')));
  } catch {
    answer.textContent = 'facts: JSON емес · не JSON · not JSON';
    return;
  }
  const response = await fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question: data.get('question'), at: data.get('at'), facts }),
  });
  answer.textContent = `${response.status}\n${JSON.stringify(await response.json(), null, 2)}`;
});
