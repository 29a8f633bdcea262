// Apiary's live pages: new posts, counts, comments and badges arrive without a reload.
//
// Every event from the server is a hint that carries ids (app/realtime.py); this script then
// fetches, with the page's own session, what that session may see, rendered by the server in
// the page's language and direction. Nothing here builds user content from an event.
(() => {
  "use strict";

  const body = document.body;
  if (body.dataset.live !== "on" || typeof window.io !== "function") {
    return;
  }
  const page = body.dataset;
  const lang = document.documentElement.lang || "en";
  const numbers = new Intl.NumberFormat(lang, { numberingSystem: "latn" });
  const status = document.getElementById("live-status");
  const feed = document.querySelector(".feed[data-fresh-url]");
  const banner = document.getElementById("new-posts");
  const socket = window.io(); // long-polling first, then a WebSocket when the way allows

  const say = (text) => {
    if (status && text) {
      status.textContent = text;
    }
  };

  const getJSON = async (url) => {
    const response = await fetch(url, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) {
      throw new Error(`${url}: ${response.status}`);
    }
    return response.json();
  };

  const fragment = (html) => {
    const template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  };

  // Posts on the page, and which ones the server should tell us about. ---------------------

  const shownPosts = () =>
    Array.from(document.querySelectorAll("article.post[data-post-id]"), (card) =>
      Number(card.dataset.postId),
    );

  // body[data-live-state] is "connected" only while the server has joined this page to the
  // rooms of everything it shows: it answers each "watch" once it has.
  let unanswered = 0;

  const watch = (posts) => {
    if (!socket.connected) return; // connecting watches everything the page shows then
    const what = { posts };
    if (page.liveHive) what.hive = Number(page.liveHive);
    if (page.liveAuthor) what.author = Number(page.liveAuthor);
    unanswered += 1;
    body.dataset.liveState = "joining";
    socket.emit("watch", what, () => {
      unanswered -= 1;
      if (!unanswered && socket.connected) body.dataset.liveState = "connected";
    });
  };

  // A feed: new posts at the top, in order, once each. --------------------------------------

  let unseen = 0;
  let fetching = null;
  let again = false;

  const belongsHere = (event) => {
    if (page.liveFeed === "hive") return event.hives.includes(Number(page.liveHive));
    if (page.liveFeed === "profile") return event.author === Number(page.liveAuthor);
    return page.liveFeed === "home";
  };

  const nearTop = () => !feed || feed.getBoundingClientRect().top > -120;

  const showBanner = () => {
    if (!banner) return;
    banner.querySelector(".count").textContent = numbers.format(unseen);
    banner.classList.remove("d-none");
    say(banner.dataset.announce);
  };

  const insertFresh = async () => {
    const shown = shownPosts();
    const newest = shown.length ? Math.max(...shown) : 0;
    const fresh = await getJSON(`${feed.dataset.freshUrl}?after=${newest}`);
    if (!fresh.complete) {
      window.location.reload();
      return;
    }
    const cards = Array.from(fragment(fresh.html).querySelectorAll("article.post")).filter(
      (card) => !document.getElementById(card.id),
    );
    if (!cards.length) return;
    const empty = feed.querySelector(".empty-feed");
    if (empty) empty.remove();
    // Newest first: each card goes above the newest card already on the page.
    const anchor = feed.querySelector("article.post");
    for (const card of cards) {
      feed.insertBefore(card, anchor || feed.firstChild);
    }
    watch(cards.map((card) => Number(card.dataset.postId)));
    say(feed.dataset.announce);
  };

  const catchUp = () => {
    if (!feed) return Promise.resolve();
    if (fetching) {
      // The fetch under way may have read the feed before this news was committed: ask again
      // once it is done, or the newer post would wait for the next event.
      again = true;
      return fetching;
    }
    fetching = insertFresh()
      .catch(() => {})
      .finally(() => {
        fetching = null;
        if (again) {
          again = false;
          catchUp();
        }
      });
    return fetching;
  };

  if (banner) {
    banner.addEventListener("click", async () => {
      unseen = 0;
      banner.classList.add("d-none");
      await catchUp();
      feed.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  }

  socket.on("post", (event) => {
    if (!feed || !belongsHere(event) || document.getElementById(`post-${event.post}`)) return;
    if (nearTop()) {
      catchUp();
    } else {
      unseen += 1;
      showBanner();
    }
  });

  window.addEventListener(
    "scroll",
    () => {
      if (unseen && nearTop()) {
        unseen = 0;
        banner.classList.add("d-none");
        catchUp();
      }
    },
    { passive: true },
  );

  // Counts on every card or post page that shows the post. ----------------------------------

  const setCount = (postId, name, value) => {
    for (const count of document.querySelectorAll(
      `article.post[data-post-id="${postId}"] .live-count[data-count-of="${name}"]`,
    )) {
      count.textContent = numbers.format(value);
    }
  };

  socket.on("counts", (event) => {
    setCount(event.post, "relevant", event.relevant);
    setCount(event.post, "comments", event.comments);
    setCount(event.post, "shares", event.shares);
  });

  document.addEventListener("submit", async (submitted) => {
    const form = submitted.target;
    if (!form.classList.contains("relevant-form")) return;
    submitted.preventDefault();
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).catch(() => null);
    if (!response || !response.ok) {
      form.submit(); // the server's page says what went wrong
      return;
    }
    const answer = await response.json();
    const button = form.querySelector(".relevant-toggle");
    form.querySelector('input[name="relevant"]').value = answer.relevant ? "0" : "1";
    button.setAttribute("aria-pressed", String(answer.relevant));
    button.classList.toggle("btn-warning", answer.relevant);
    button.classList.toggle("btn-outline-secondary", !answer.relevant);
    setCount(answer.post, "relevant", answer.count);
  });

  // A post's page: new comments join the conversation. --------------------------------------

  const threads = document.querySelector(".comment-threads[data-live-comments]");

  socket.on("comment", async (event) => {
    if (!threads || event.post !== Number(page.livePost)) return;
    if (document.getElementById(`comment-${event.comment}`)) return;
    const parent = event.parent && document.getElementById(`comment-${event.parent}`);
    if (event.parent && !parent) return; // its thread is on another page of the conversation
    if (!event.parent && threads.dataset.complete !== "true") return; // more pages come first
    let answer;
    try {
      answer = await getJSON(`${threads.dataset.commentUrl}/${event.comment}`);
    } catch {
      return;
    }
    if (!answer.visible || document.getElementById(`comment-${event.comment}`)) return;
    const added = fragment(answer.html);
    if (parent) {
      const thread = parent.closest(".comment-thread");
      thread.insertBefore(added, thread.querySelector(".reply-form"));
    } else {
      const empty = threads.querySelector(".no-comments");
      if (empty) empty.remove();
      threads.appendChild(added);
    }
    const heading = document.getElementById("comments-heading");
    if (heading && answer.heading) heading.textContent = answer.heading;
    say(threads.dataset.announce);
  });

  // Badges: the server says they changed; we ask for the numbers. ---------------------------

  const setBadge = (name, value) => {
    for (const badge of document.querySelectorAll(`.live-badge[data-badge="${name}"]`)) {
      badge.textContent = numbers.format(value);
      badge.classList.toggle("d-none", value === 0);
    }
  };

  let badgeAsks = 0;

  socket.on("badges", async () => {
    const ask = ++badgeAsks;
    try {
      const counts = await getJSON(page.badgesUrl);
      // Answers can arrive out of order: only the last question's answer is current.
      if (ask !== badgeAsks) return;
      for (const [name, value] of Object.entries(counts)) setBadge(name, value);
    } catch {
      // the next page load shows the right numbers
    }
  });

  // A conversation's page: new messages join it, and what the reader sees is marked read. ---

  const messages = document.querySelector("ol.messages");
  const csrfToken = () => {
    const field = document.querySelector('input[name="csrf_token"]');
    return field ? field.value : "";
  };

  const markRead = (through) => {
    if (!page.readUrl || document.visibilityState !== "visible") return;
    const form = new FormData();
    form.append("csrf_token", csrfToken());
    form.append("through", String(through));
    fetch(page.readUrl, { method: "POST", body: form, credentials: "same-origin" }).catch(() => {});
  };

  socket.on("message", async (event) => {
    if (!messages) return;
    // A conversation not started yet when the page was drawn is known by who writes first.
    const starts = !page.liveConversation && event.sender === Number(page.liveWith);
    if (event.conversation !== Number(page.liveConversation) && !starts) return;
    if (starts) page.liveConversation = String(event.conversation);
    if (document.getElementById(`message-${event.message}`)) return;
    let answer;
    try {
      answer = await getJSON(`${page.messageUrl}/${event.message}`);
    } catch {
      return;
    }
    if (document.getElementById(`message-${event.message}`)) return;
    const empty = document.querySelector(".messages-empty");
    if (empty) empty.remove();
    messages.appendChild(fragment(answer.html));
    messages.lastElementChild.scrollIntoView({ block: "nearest" });
    say(messages.dataset.announce);
    markRead(event.message);
  });

  // The inbox's first page: a new message moves its conversation to the top. The page is read
  // again as the server renders it, and its list taken whole.

  const inbox = document.querySelector("ol.inbox");
  let inboxAsks = 0;

  socket.on("message", async () => {
    if (!inbox || page.liveInbox !== "on") return;
    const ask = ++inboxAsks;
    try {
      const response = await fetch(window.location.href, { credentials: "same-origin" });
      if (!response.ok || ask !== inboxAsks) return;
      const fresh = new DOMParser()
        .parseFromString(await response.text(), "text/html")
        .querySelector("ol.inbox");
      if (fresh) inbox.replaceChildren(...fresh.children);
    } catch {
      // the next visit shows it
    }
  });

  // Connecting: watch what the page shows, and catch up on what came before. ---------------

  let retried = false;

  socket.on("connect", () => {
    watch(shownPosts());
    // Posts published since the page was drawn (or while the socket was down) reached rooms
    // this socket was not in yet: ask for them once, now that nothing more can be missed.
    catchUp();
  });

  socket.on("disconnect", (reason) => {
    unanswered = 0; // a lost socket answers nothing; connecting again watches afresh
    body.dataset.liveState = "disconnected";
    // The server ended the socket (a logout elsewhere, access that narrowed): try once more;
    // the session then decides whether, and to what, this page may listen.
    if (reason === "io server disconnect" && !retried) {
      retried = true;
      window.setTimeout(() => socket.connect(), 1000);
    }
  });
})();
