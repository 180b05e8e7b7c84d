// The local chat page: a Direct Line token from this app, then Web Chat polling this app's Direct Line emulation.
(async function () {
  'use strict';

  const container = document.getElementById('webchat');
  const problem = document.getElementById('chat-problem');

  function showProblem(message) {
    problem.textContent = message;
    problem.hidden = false;
    container.hidden = true;
  }

  if (!window.WebChat) {
    showProblem(
      'The chat assets are missing: Bot Framework Web Chat (lib/webchat.js) was not built.\n' +
      'Install Node.js (it includes npm) and build again with `dotnet build`: the build installs Web Chat with npm ci.');
    return;
  }

  // A random id for this page's user; Web Chat and the bot both see it.
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const userID = 'local-user-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

  try {
    const response = await fetch('v3/directline/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userID, name: 'You' } }),
    });
    if (!response.ok) {
      throw new Error('the token request answered HTTP ' + response.status);
    }

    const { token } = await response.json();
    const directLine = window.WebChat.createDirectLine({
      domain: location.origin + '/v3/directline',
      token,
      webSocket: false,
      pollingInterval: 500,
    });
    window.WebChat.renderWebChat(
      {
        directLine,
        userID,
        username: 'You',
        locale: 'en-US',
        styleOptions: {
          hideUploadButton: true,
          botAvatarInitials: 'NB',
          userAvatarInitials: 'You',
        },
      },
      container);
  } catch (error) {
    showProblem('The chat could not start: ' + error.message + '. Is NewsBot still running?');
  }
})();
