/* page.js - the route explorer and the search of a ladderc page.
 *
 * The page is complete without this script: every role, track, table and
 * move is in its HTML. The script adds two things computed from the model
 * embedded as JSON (the script element #ladder-data holds the bytes of
 * `ladderc build -T json`, docs/json.md; this file never writes a less-than
 * sign followed by a letter, '!' or '/', so it never ends the page's script
 * element early):
 *
 * - the route explorer (#explorer-app): two roles, the fastest routes between
 *   them in the order and with the years `ladderc path` prints, and what each
 *   move grows as `ladderc gap --route` says; its state is the fragment
 *   #route=FROM..TO (and &max=N for more than five routes);
 * - the search (#search): roles by name, id or company title.
 *
 * Safety: user strings only ever reach the page through textContent and
 * attribute values set with setAttribute (never innerHTML, never a style
 * attribute), so they are never parsed as HTML, and the page's
 * Content-Security-Policy (scripts and styles by hash) needs no exception.
 *
 * The routes are lib/path.c's algorithm, step for step, so that ties come
 * out as the command's do: costs are (moves of unknown years, minimum
 * years, maximum years, moves) with years in millionths, BigInt so sums are
 * exact and saturate where C's int64 does; a reverse Dijkstra from TO gives
 * each role's least cost h and the earliest fastest move next (a tree);
 * then Yen's K shortest simple routes with Lawler's refinement, each spur an
 * A* search with h, the candidates ordered by (cost, spur depth, age). */
(function () {
  'use strict';

  var MAX_ROUTES = 1000;        /* as `ladderc path --max` */
  var FIRST_ROUTES = 5;         /* shown before "More routes" */
  var INT64_MAX = BigInt('9223372036854775807');
  var MILLION = BigInt(1000000);

  /* ---- the model ---- */

  function readModel(doc) {
    var data = doc.getElementById('ladder-data');
    if (!data)
      return null;
    try {
      return JSON.parse(data.textContent);
    } catch (e) {
      return null;
    }
  }

  /* Years as millionths of a year, as lib/path.c's llround(years * 1e6). */
  function millionths(v) {
    return BigInt(Math.round(v * 1e6));
  }

  /* What the explorer needs, indexed: roles by id, moves out of and into
   * each role in source order, each move's cost. */
  function buildGraph(model) {
    var roles = model.roles || [], moves = model.transitions || [];
    var comps = model.competencies || [];
    var byId = new Map(), compIndex = new Map();
    roles.forEach(function (r, i) { byId.set(r.id, i); });
    comps.forEach(function (c, i) { compIndex.set(c.id, i); });
    var n = roles.length, m = moves.length;
    var from = new Int32Array(m), to = new Int32Array(m), w = new Array(m);
    var outs = [], ins = [];
    for (var i = 0; i < n; i++) {
      outs.push([]);
      ins.push([]);
    }
    for (var e = 0; e < m; e++) {
      from[e] = byId.get(moves[e].from);
      to[e] = byId.get(moves[e].to);
      outs[from[e]].push(e);
      ins[to[e]].push(e);
      w[e] = moveCost(moves[e].years);
    }
    /* each role's rungs as [competency index, rung], in competency order */
    var expect = roles.map(function (r) {
      return (r.rungs || []).map(function (x) { return [compIndex.get(x.competency), x.rung]; });
    });
    return {model: model, roles: roles, moves: moves, comps: comps, byId: byId, n: n, m: m,
            from: from, to: to, w: w, outs: outs, ins: ins, expect: expect};
  }

  /* ---- costs ---- */

  function cost(unknown, steps, open, min, max) {
    return {u: unknown, s: steps, o: open, min: min, max: max};
  }

  var ZERO = cost(0, 0, 0, BigInt(0), BigInt(0));

  function moveCost(y) {
    if (!y)
      return cost(1, 1, 0, BigInt(0), BigInt(0));
    var min = millionths(y.min);
    if (y.open)
      return cost(0, 1, 1, min, min);
    return cost(0, 1, 0, min, millionths(y.max));
  }

  function addSat(a, b) {
    return a > INT64_MAX - b ? INT64_MAX : a + b;
  }

  function costAdd(a, b) {
    return cost(a.u + b.u, a.s + b.s, a.o + b.o, addSat(a.min, b.min), addSat(a.max, b.max));
  }

  function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function costCmp(a, b) {
    return cmp(a.u, b.u) || cmp(a.min, b.min) || cmp(a.max, b.max) || cmp(a.s, b.s);
  }

  /* ---- a binary heap of {key, tie, id}, least first; equal keys by tie,
   * then by insertion order (seq), as lib/path.c's pq ---- */

  function Heap() {
    this.a = [];
    this.seq = 0;
  }

  function itemLess(x, y) {
    var c = costCmp(x.key, y.key);
    if (c !== 0)
      return c < 0;
    if (x.tie !== y.tie)
      return x.tie < y.tie;
    return x.seq < y.seq;
  }

  Heap.prototype.push = function (key, tie, id) {
    var a = this.a, it = {key: key, tie: tie, id: id, seq: this.seq++}, i = a.length;
    a.push(it);
    while (i > 0) {
      var p = (i - 1) >> 1;
      if (!itemLess(it, a[p]))
        break;
      a[i] = a[p];
      i = p;
    }
    a[i] = it;
  };

  Heap.prototype.pop = function () {
    var a = this.a, top = a[0], last = a.pop(), n = a.length, i = 0;
    if (n === 0)
      return top;
    for (;;) {
      var c = 2 * i + 1;
      if (c >= n)
        break;
      if (c + 1 < n && itemLess(a[c + 1], a[c]))
        c++;
      if (!itemLess(a[c], last))
        break;
      a[i] = a[c];
      i = c;
    }
    a[i] = last;
    return top;
  };

  /* ---- the tree of fastest routes to TO ---- */

  function buildTree(g, target) {
    var n = g.n, h = new Array(n), reach = new Uint8Array(n), done = new Uint8Array(n);
    var next = new Int32Array(n).fill(-1), q = new Heap();
    h[target] = ZERO;
    reach[target] = 1;
    q.push(ZERO, 0, target);
    while (q.a.length) {
      var v = q.pop().id;
      if (done[v])
        continue;
      done[v] = 1;
      var ins = g.ins[v];
      for (var k = 0; k < ins.length; k++) {
        var e = ins[k], u = g.from[e], c = costAdd(h[v], g.w[e]);
        if (!done[u] && (!reach[u] || costCmp(c, h[u]) < 0)) {
          reach[u] = 1;
          h[u] = c;
          q.push(c, 0, u);
        }
      }
    }
    /* next(v): the first move in source order that starts a fastest route */
    var kids = [];
    for (var i = 0; i < n; i++)
      kids.push([]);
    for (var v2 = 0; v2 < n; v2++) {
      if (!reach[v2] || v2 === target)
        continue;
      var outs = g.outs[v2];
      for (var j = 0; j < outs.length; j++) {
        var e2 = outs[j], x = g.to[e2];
        if (reach[x] && costCmp(costAdd(h[x], g.w[e2]), h[v2]) === 0) {
          next[v2] = e2;
          kids[x].push(v2);
          break;
        }
      }
    }
    return {h: h, reach: reach, next: next, kids: kids};
  }

  /* ---- Yen's K shortest simple routes with Lawler's refinement ---- */

  function RouteSearch(g, source, target) {
    this.g = g;
    this.source = source;
    this.target = target;
    this.t = buildTree(g, target);
    var n = g.n;
    this.trie = [];             /* {parent, edge, child, sibling} */
    this.leaves = [];
    this.cand = new Heap();
    this.removed = new Uint32Array(n);
    this.unclean = new Uint32Array(n);
    this.epoch = 0;
    this.seen = new Uint32Array(n);
    this.closed = new Uint32Array(n);
    this.blocked = new Uint32Array(g.m);
    this.pred = new Int32Array(n);
    this.gcost = new Array(n);
    this.id = 0;
  }

  RouteSearch.prototype.role = function (x) {
    var e = this.trie[x].edge;
    return e < 0 ? this.source : this.g.to[e];
  };

  RouteSearch.prototype.add = function (parent, edge) {
    var x = this.trie.length;
    this.trie.push({parent: parent, edge: edge, child: -1, sibling: -1});
    if (parent >= 0) {
      this.trie[x].sibling = this.trie[parent].child;
      this.trie[parent].child = x;
    }
    return x;
  };

  /* Role r joins the prefix of this epoch: r's subtree in the tree is
   * unclean (its fastest way to TO runs through r). */
  RouteSearch.prototype.epochAdd = function (r, removed) {
    if (removed)
      this.removed[r] = this.epoch;
    var stack = [r];
    while (stack.length) {
      var v = stack.pop();
      if (this.unclean[v] === this.epoch)
        continue;
      this.unclean[v] = this.epoch;
      var kids = this.t.kids[v];
      for (var i = 0; i < kids.length; i++)
        stack.push(kids[i]);
    }
  };

  /* The spur from trie node x: null when no route leaves the trie there,
   * else {cost} (from x's role to TO) and, with wantMoves, {moves}. */
  RouteSearch.prototype.spur = function (x, wantMoves) {
    var g = this.g, t = this.t, start = this.role(x), id = ++this.id;
    for (var c = this.trie[x].child; c >= 0; c = this.trie[c].sibling)
      this.blocked[this.trie[c].edge] = id;
    var open = new Heap();
    this.seen[start] = id;
    this.gcost[start] = ZERO;
    this.pred[start] = -1;
    open.push(t.h[start], t.h[start].s, start);
    while (open.a.length) {
      var it = open.pop(), v = it.id;
      if (this.closed[v] === id)
        continue;
      this.closed[v] = id;
      if (v !== start && this.unclean[v] !== this.epoch) {
        var found = {cost: it.key, moves: null};
        if (wantMoves) {
          var moves = [];
          for (var u = v; u !== start; u = g.from[this.pred[u]])
            moves.push(this.pred[u]);
          moves.reverse();
          for (var u2 = v; u2 !== this.target; u2 = g.to[t.next[u2]])
            moves.push(t.next[u2]);
          found.moves = moves;
        }
        return found;
      }
      var outs = g.outs[v];
      for (var k = 0; k < outs.length; k++) {
        var e = outs[k], wr = g.to[e];
        if ((v === start && this.blocked[e] === id) || !t.reach[wr] || this.removed[wr] === this.epoch ||
            this.closed[wr] === id)
          continue;
        var gc = costAdd(this.gcost[v], g.w[e]);
        if (this.seen[wr] !== id || costCmp(gc, this.gcost[wr]) < 0) {
          this.seen[wr] = id;
          this.gcost[wr] = gc;
          this.pred[wr] = e;
          open.push(costAdd(gc, t.h[wr]), t.h[wr].s, wr);
        }
      }
    }
    return null;
  };

  RouteSearch.prototype.path = function (x) {
    var nodes = [];
    for (var y = x; y >= 0; y = this.trie[y].parent)
      nodes.push(y);
    return nodes.reverse();
  };

  /* Lawler: the route accepted at leaf, which left the older routes at
   * depth dev, gets a candidate at each of its nodes from dev on. */
  RouteSearch.prototype.addCandidates = function (leaf, dev) {
    var nodes = this.path(leaf), prefix = [ZERO];
    for (var j = 1; j < nodes.length; j++)
      prefix.push(costAdd(prefix[j - 1], this.g.w[this.trie[nodes[j]].edge]));
    this.epoch++;
    for (var i = 0; i + 1 < nodes.length; i++) {
      var x = nodes[i];
      this.epochAdd(this.role(x), true);
      if (i < dev)
        continue;
      var found = this.spur(x, false);
      if (found)
        this.cand.push(costAdd(prefix[i], found.cost), i, x);
    }
  };

  RouteSearch.prototype.acceptCandidate = function (x) {
    this.epoch++;
    var depth = 0;
    for (var y = x; y >= 0; y = this.trie[y].parent) {
      this.epochAdd(this.role(y), y !== x);
      if (y !== x)
        depth++;
    }
    var found = this.spur(x, true);
    if (!found)
      return;     /* cannot happen: the same search found it before */
    var leaf = x;
    for (var i = 0; i < found.moves.length; i++)
      leaf = this.add(leaf, found.moves[i]);
    this.leaves.push(leaf);
    this.addCandidates(leaf, depth);
  };

  RouteSearch.prototype.acceptFirst = function () {
    var leaf = this.add(-1, -1);
    for (var r = this.source; r !== this.target; r = this.g.to[this.t.next[r]])
      leaf = this.add(leaf, this.t.next[r]);
    this.leaves.push(leaf);
    this.addCandidates(leaf, 0);
  };

  function routeCmp(a, b) {
    var c = cmp(a.unknown, b.unknown) || cmp(a.min, b.min) || cmp(a.max, b.max) ||
      cmp(a.steps.length, b.steps.length);
    for (var i = 0; c === 0 && i < a.steps.length; i++)
      c = cmp(a.steps[i], b.steps[i]);
    return c;
  }

  /* The first max routes from role index source to target, as
   * `ladderc path --max max` lists them: [{steps, unknown, open, min, max}]. */
  function findRoutes(g, source, target, max) {
    if (max <= 0 || source === target)
      return [];
    var s = new RouteSearch(g, source, target);
    if (s.t.reach[source]) {
      s.acceptFirst();
      while (s.leaves.length < max && s.cand.a.length)
        s.acceptCandidate(s.cand.pop().id);
    }
    var routes = s.leaves.map(function (leaf) {
      var nodes = s.path(leaf), c = ZERO, steps = [];
      for (var j = 1; j < nodes.length; j++) {
        var e = s.trie[nodes[j]].edge;
        steps.push(e);
        c = costAdd(c, g.w[e]);
      }
      return {steps: steps, unknown: c.u, open: c.o > 0, min: c.min, max: c.max};
    });
    routes.sort(routeCmp);
    return routes;
  }

  /* ---- years as ladderc writes them ---- */

  /* millionths as a person writes them: 3, 0.5, 12.25 */
  function millionthsText(v) {
    var text = (v / MILLION).toString(), frac = v % MILLION;
    if (frac > BigInt(0))
      text += '.' + frac.toString().padStart(6, '0').replace(/0+$/, '');
    return text;
  }

  /* a route's total: "unknown", "3..8", "6..", "4" (lib/path.c put_years) */
  function routeYears(r) {
    if (r.unknown)
      return 'unknown';
    var text = millionthsText(r.min);
    if (r.open)
      return text + '..';
    return r.min !== r.max ? text + '..' + millionthsText(r.max) : text;
  }

  /* a move's own years (lib/gap.c gap_put_move_years) */
  function moveYears(y) {
    if (!y)
      return 'unknown';
    var min = millionths(y.min), text = millionthsText(min);
    if (y.open)
      return text + '..';
    var max = millionths(y.max);
    return max !== min ? text + '..' + millionthsText(max) : text;
  }

  /* ---- what a move grows (lib/gap.c gap_rises) ---- */

  /* [{k, from, to}]: the competencies whose rung rises from role a to role
   * b (both set one), the largest rise first, then competency order; null
   * when a or b sets no rungs (not compared). */
  function rises(g, a, b) {
    var ea = g.expect[a], eb = g.expect[b];
    if (ea.length === 0 || eb.length === 0)
      return null;
    var at = new Map(ea.map(function (x) { return [x[0], x[1]]; })), out = [];
    eb.forEach(function (x) {
      if (at.has(x[0]) && x[1] > at.get(x[0]))
        out.push({k: x[0], from: at.get(x[0]), to: x[1]});
    });
    out.sort(function (p, q) { return (q.to - q.from) - (p.to - p.from) || p.k - q.k; });
    return out;
  }

  /* The whole gap from role a to role b (lib/gap.c gap_items): one item
   * {k, from, to, state} per competency, state 0 grow, 1 met, 2 unset (a
   * role sets no rung); grow, then met, then unset, the largest to - from
   * first within grow and met, then competency order. */
  function gapItems(g, a, b) {
    var ra = new Map(g.expect[a]), rb = new Map(g.expect[b]), items = [];
    g.comps.forEach(function (c, k) {
      var from = ra.get(k) || 0, to = rb.get(k) || 0;
      items.push({k: k, from: from, to: to, state: !from || !to ? 2 : to > from ? 0 : 1});
    });
    items.sort(function (p, q) {
      return p.state - q.state || (p.state < 2 ? (q.to - q.from) - (p.to - p.from) : 0) || p.k - q.k;
    });
    return items;
  }

  /* "4 competencies to grow, 1 already met, 1 not compared" (gap_put_counts) */
  function gapCounts(items) {
    var n = [0, 0, 0];
    items.forEach(function (it) { n[it.state]++; });
    var text = n[0] ? n[0] + (n[0] === 1 ? ' competency' : ' competencies') + ' to grow' : 'nothing to grow';
    if (n[1])
      text += ', ' + n[1] + ' already met';
    if (n[2])
      text += ', ' + n[2] + ' not compared';
    return text;
  }

  /* The role of a move that sets no rungs (its source first), or -1. */
  function bareRole(g, e) {
    if (g.expect[g.from[e]].length === 0)
      return g.from[e];
    return g.expect[g.to[e]].length === 0 ? g.to[e] : -1;
  }

  /* ---- DOM helpers: text only, never markup ---- */

  function el(doc, tag, cls, text) {
    var node = doc.createElement(tag);
    if (cls)
      node.className = cls;
    if (text !== undefined && text !== null)
      node.textContent = String(text);
    return node;
  }

  /* node with kids appended, a space between each (read aloud and copied
   * as words, whatever the layout) */
  function spaced(doc, node, kids) {
    kids.forEach(function (kid, i) {
      if (i)
        node.appendChild(doc.createTextNode(' '));
      node.appendChild(kid);
    });
    return node;
  }

  function roleLink(doc, role) {
    var a = el(doc, 'a', 'role-link', role.name);
    a.setAttribute('href', '#role-' + role.id);
    return a;
  }

  function rungName(g, k, rung) {
    var r = g.comps[k].rungs[rung - 1];
    return r ? r.name : String(rung);
  }

  /* ---- the route explorer ---- */

  /* "#route=FROM..TO&max=N" -> {from, to, max}, or null */
  function parseRouteHash(hash) {
    var m = /^#route=([a-z][a-z0-9_]*)\.\.([a-z][a-z0-9_]*)(?:&max=([0-9]{1,4}))?$/.exec(hash);
    if (!m)
      return null;
    var max = m[3] ? Math.min(Math.max(parseInt(m[3], 10), 1), MAX_ROUTES) : FIRST_ROUTES;
    return {from: m[1], to: m[2], max: max};
  }

  function routeHash(from, to, max) {
    return '#route=' + from + '..' + to + (max !== FIRST_ROUTES ? '&max=' + max : '');
  }

  function trackNames(model) {
    var names = new Map();
    (model.tracks || []).forEach(function (t) { names.set(t.id, t.name); });
    return names;
  }

  /* A select of every role, grouped by track in the tracks' order. */
  function roleSelect(doc, g, id, label) {
    var wrap = el(doc, 'div', 'explorer-field');
    var lab = el(doc, 'label', null, label);
    lab.setAttribute('for', id);
    var sel = el(doc, 'select');
    sel.id = id;
    var none = el(doc, 'option', null, 'Choose a role');
    none.value = '';
    sel.appendChild(none);
    var names = trackNames(g.model), groups = new Map();
    (g.model.tracks || []).forEach(function (t) {
      var og = el(doc, 'optgroup');
      og.setAttribute('label', names.get(t.id));
      groups.set(t.id, og);
    });
    g.roles.forEach(function (r) {
      var opt = el(doc, 'option', null, r.name + ' (' + r.levels + ')');
      opt.value = r.id;
      var og = groups.get(r.track);
      (og || sel).appendChild(opt);
    });
    groups.forEach(function (og) {
      if (og.childNodes.length)
        sel.appendChild(og);
    });
    wrap.appendChild(lab);
    wrap.appendChild(sel);
    return {wrap: wrap, select: sel};
  }

  function renderGrowth(doc, g, e) {
    var bare = bareRole(g, e);
    if (bare >= 0)
      return el(doc, 'p', 'step-grows step-bare', 'Not compared: ' + g.roles[bare].name + ' sets no rungs');
    var list = rises(g, g.from[e], g.to[e]);
    if (list.length === 0)
      return el(doc, 'p', 'step-grows step-none', 'Grows no competency');
    var ul = el(doc, 'ul', 'step-grows');
    list.forEach(function (it) {
      var li = el(doc, 'li', 'grow');
      li.setAttribute('data-competency', g.comps[it.k].id);
      li.setAttribute('data-from', String(it.from));
      li.setAttribute('data-to', String(it.to));
      li.appendChild(el(doc, 'span', 'grow-gap', '+' + (it.to - it.from)));
      li.appendChild(doc.createTextNode(' ' + g.comps[it.k].name + ': '));
      li.appendChild(el(doc, 'span', 'grow-rungs', it.from + ' ' + rungName(g, it.k, it.from) + ' \u2192 ' +
        it.to + ' ' + rungName(g, it.k, it.to)));
      ul.appendChild(li);
    });
    return ul;
  }

  /* What going from a to b takes, competency by competency, as `ladderc
   * gap` lists it; null when a role sets no rungs (gap refuses then). */
  function renderGap(doc, g, a, b) {
    if (g.comps.length === 0 || g.expect[a].length === 0 || g.expect[b].length === 0)
      return null;
    var items = gapItems(g, a, b), box = el(doc, 'div', 'explorer-gap');
    box.appendChild(el(doc, 'h3', 'gap-title', 'What it takes, whatever the route'));
    box.appendChild(el(doc, 'p', 'gap-counts', gapCounts(items)));
    var ul = el(doc, 'ul', 'gap-list');
    items.forEach(function (it) {
      var c = g.comps[it.k], li = el(doc, 'li', 'gap-item gap-' + ['grow', 'met', 'unset'][it.state]);
      li.setAttribute('data-competency', c.id);
      li.setAttribute('data-status', ['grow', 'met', 'unset'][it.state]);
      if (it.state === 2) {
        li.textContent = c.name + ': not compared (' + (!it.from && !it.to ? 'neither role sets a rung' :
          (it.from ? g.roles[b].name : g.roles[a].name) + ' sets no rung') + ')';
      } else if (it.state === 1) {
        li.setAttribute('data-gap', String(it.to - it.from));
        li.textContent = c.name + ': ' + it.from + ' ' + rungName(g, it.k, it.from) + ', needs ' + it.to + ' ' +
          rungName(g, it.k, it.to) + (it.from > it.to ? ' (' + (it.from - it.to) + ' above)' : '');
      } else {
        li.setAttribute('data-gap', String(it.to - it.from));
        li.appendChild(el(doc, 'span', 'grow-gap', '+' + (it.to - it.from)));
        li.appendChild(doc.createTextNode(' ' + c.name + ': '));
        li.appendChild(el(doc, 'span', 'grow-rungs', it.from + ' ' + rungName(g, it.k, it.from) + ' \u2192 ' +
          it.to + ' ' + rungName(g, it.k, it.to)));
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }

  function renderStep(doc, g, e, withGrowth) {
    var mv = g.moves[e], li = el(doc, 'li', 'route-step');
    li.setAttribute('data-from', mv.from);
    li.setAttribute('data-to', mv.to);
    li.setAttribute('data-kind', mv.kind);
    li.setAttribute('data-years', moveYears(mv.years));
    var years = moveYears(mv.years);
    li.appendChild(spaced(doc, el(doc, 'p', 'step-line'), [
      roleLink(doc, g.roles[g.from[e]]),
      el(doc, 'span', 'step-kind kind-' + mv.kind, mv.kind),
      roleLink(doc, g.roles[g.to[e]]),
      el(doc, 'span', 'step-years', years === 'unknown' ? '(years unknown)' : '(' + years + ' years)')]));
    if (withGrowth)
      li.appendChild(renderGrowth(doc, g, e));
    return li;
  }

  /* " (no years known for a to b, c to d and e to f)" as path prints it */
  function unknownMoves(g, r) {
    if (!r.unknown)
      return '';
    var said = 0, text = ' (no years known for ';
    r.steps.forEach(function (e) {
      if (g.moves[e].years)
        return;
      if (said++)
        text += said === r.unknown ? ' and ' : ', ';
      text += g.moves[e].from + ' to ' + g.moves[e].to;
    });
    return text + ')';
  }

  function renderRoute(doc, g, r, i, withGrowth) {
    var li = el(doc, 'li', 'route');
    var years = routeYears(r);
    li.setAttribute('data-years', years);
    li.setAttribute('data-roles', [g.moves[r.steps[0]].from].concat(r.steps.map(function (e) {
      return g.moves[e].to;
    })).join(' '));
    var moves = r.steps.length + (r.steps.length === 1 ? ' move' : ' moves');
    var parts = [el(doc, 'span', 'route-years', years === 'unknown' ? 'Years unknown' : years + ' years'),
      el(doc, 'span', 'route-moves', moves + (i === 0 ? ', the fastest' : ''))];
    var unknown = unknownMoves(g, r);
    if (unknown)
      parts.push(el(doc, 'span', 'route-unknown', unknown.slice(1)));
    li.appendChild(spaced(doc, el(doc, 'p', 'route-head'), parts));
    var ol = el(doc, 'ol', 'route-steps');
    r.steps.forEach(function (e) { ol.appendChild(renderStep(doc, g, e, withGrowth)); });
    li.appendChild(ol);
    return li;
  }

  function Explorer(doc, win, app, g) {
    this.doc = doc;
    this.win = win;
    this.g = g;
    var form = el(doc, 'form', 'explorer-form');
    form.setAttribute('novalidate', '');
    this.from = roleSelect(doc, g, 'explorer-from', 'From');
    this.to = roleSelect(doc, g, 'explorer-to', 'To');
    var swap = el(doc, 'button', 'explorer-swap', 'Swap');
    swap.type = 'button';
    swap.setAttribute('aria-label', 'Swap the two roles');
    var go = el(doc, 'button', 'explorer-go', 'Show routes');
    go.type = 'submit';
    form.appendChild(this.from.wrap);
    form.appendChild(swap);
    form.appendChild(this.to.wrap);
    form.appendChild(go);
    /* the answer: a status line that screen readers announce (only it: the
     * routes can be long), then the routes */
    this.result = el(doc, 'div', 'explorer-result');
    this.result.id = 'explorer-result';
    this.status = el(doc, 'p', 'explorer-summary');
    this.status.setAttribute('role', 'status');
    this.body = el(doc, 'div', 'explorer-body');
    this.result.appendChild(this.status);
    this.result.appendChild(this.body);
    app.textContent = '';
    app.appendChild(form);
    app.appendChild(this.result);
    var self = this;
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      self.choose(FIRST_ROUTES);
    });
    [this.from.select, this.to.select].forEach(function (sel) {
      sel.addEventListener('change', function () { self.choose(FIRST_ROUTES); });
      /* Enter on a select answers too (a select does not submit its form) */
      sel.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter') {
          ev.preventDefault();
          self.choose(FIRST_ROUTES);
        }
      });
    });
    swap.addEventListener('click', function () {
      var a = self.from.select.value;
      self.from.select.value = self.to.select.value;
      self.to.select.value = a;
      self.choose(FIRST_ROUTES);
    });
    this.shown = '';
    this.message('Choose two roles to see the fastest routes between them.');
  }

  /* The selects changed: the fragment says so (and the answer follows it). */
  Explorer.prototype.choose = function (max) {
    var a = this.from.select.value, b = this.to.select.value;
    if (!a || !b) {
      this.message('Choose two roles to see the fastest routes between them.');
      return;
    }
    var hash = routeHash(a, b, max);
    if (this.win.location.hash === hash)
      this.show(parseRouteHash(hash));
    else
      this.win.location.hash = hash;    /* hashchange shows it; the back button goes back */
  };

  Explorer.prototype.message = function (text) {
    this.shown = '';
    this.status.className = 'explorer-summary explorer-message';
    this.status.textContent = text;
    this.body.textContent = '';
  };

  /* Shows the answer for {from, to, max} (ids); unknown ids say so. */
  Explorer.prototype.show = function (want) {
    var g = this.g, doc = this.doc;
    var key = want.from + '..' + want.to + '/' + want.max;
    if (key === this.shown)
      return;
    var a = g.byId.get(want.from), b = g.byId.get(want.to);
    if (a === undefined || b === undefined) {
      this.message('No role \u201c' + (a === undefined ? want.from : want.to) + '\u201d in this ladder.');
      return;
    }
    this.from.select.value = want.from;
    this.to.select.value = want.to;
    if (a === b) {
      this.message('Choose two different roles.');
      return;
    }
    var routes = findRoutes(g, a, b, want.max);
    this.shown = key;
    var summary = this.status;
    summary.className = 'explorer-summary';
    summary.textContent = '';
    this.body.textContent = '';
    summary.appendChild(doc.createTextNode(routes.length === 0 ? 'No route from ' :
      routes.length === 1 ? 'One route from ' : 'The ' + routes.length + ' fastest routes from '));
    summary.appendChild(roleLink(doc, g.roles[a]));
    summary.appendChild(doc.createTextNode(' to '));
    summary.appendChild(roleLink(doc, g.roles[b]));
    summary.appendChild(doc.createTextNode(routes.length > 1 ? ', the fastest first:' : routes.length ? ':' : '.'));
    if (routes.length === 0)
      return;
    var ol = el(doc, 'ol', 'routes');
    ol.setAttribute('data-max', String(want.max));
    var withGrowth = g.comps.length > 0;
    routes.forEach(function (r, i) { ol.appendChild(renderRoute(doc, g, r, i, withGrowth)); });
    this.body.appendChild(ol);
    if (routes.length === want.max && want.max < MAX_ROUTES) {
      var more = el(doc, 'a', 'explorer-more', 'More routes');
      more.setAttribute('href', routeHash(want.from, want.to, Math.min(want.max * 2, MAX_ROUTES)));
      this.body.appendChild(more);
    }
    var gap = renderGap(doc, g, a, b);
    if (gap)
      this.body.appendChild(gap);
  };

  /* ---- the search ---- */

  /* Each role with the texts it is found by: its name, its id, and the
   * titles of the company lines on its track whose levels meet its own. */
  function searchEntries(g) {
    var lines = [];
    (g.model.companies || []).forEach(function (c) {
      (c.lines || []).forEach(function (l) { lines.push({company: c, line: l}); });
    });
    return g.roles.map(function (r) {
      var titles = lines.filter(function (x) {
        return x.line.track === r.track && x.line.level_min <= r.level_max && x.line.level_max >= r.level_min;
      }).map(function (x) {
        return {text: x.line.title, label: x.company.name + ': ' + x.line.title + ' (' + x.line.code + ')'};
      });
      return {role: r, name: r.name.toLowerCase(), id: r.id, titles: titles};
    });
  }

  var SEARCH_SHOWN = 20;

  function RoleSearch(doc, win, box, g) {
    this.doc = doc;
    this.entries = searchEntries(g);
    var form = el(doc, 'form', 'search-form');
    form.setAttribute('role', 'search');
    var lab = el(doc, 'label', 'search-label', 'Search roles');
    lab.setAttribute('for', 'search-input');
    var input = el(doc, 'input', 'search-input');
    input.type = 'search';
    input.id = 'search-input';
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('spellcheck', 'false');
    input.setAttribute('placeholder', 'Name, id or company title');
    input.setAttribute('aria-controls', 'search-results');
    input.setAttribute('aria-describedby', 'search-status');
    this.status = el(doc, 'p', 'search-status');
    this.status.id = 'search-status';
    this.status.setAttribute('aria-live', 'polite');
    this.list = el(doc, 'ul', 'search-results');
    this.list.id = 'search-results';
    /* the answer drops down over the page, so typing never moves it */
    this.panel = el(doc, 'div', 'search-panel');
    this.panel.hidden = true;
    this.panel.appendChild(this.status);
    this.panel.appendChild(this.list);
    form.appendChild(lab);
    form.appendChild(input);
    box.textContent = '';
    box.appendChild(form);
    box.appendChild(this.panel);
    this.input = input;
    var self = this;
    input.addEventListener('input', function () { self.update(); });
    input.addEventListener('focus', function () { self.panel.hidden = !input.value.trim(); });
    /* a result followed: the panel gets out of the way of its section */
    this.list.addEventListener('click', function (ev) {
      if (ev.target.closest && ev.target.closest('a'))
        self.panel.hidden = true;
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var first = self.list.querySelector('a');
      if (first) {
        self.panel.hidden = true;
        win.location.hash = first.getAttribute('href');
      }
    });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown') {
        var first = self.list.querySelector('a');
        if (first) {
          ev.preventDefault();
          first.focus();
        }
      } else if (ev.key === 'Escape') {
        input.value = '';
        self.update();
      }
    });
    this.list.addEventListener('keydown', function (ev) {
      if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp' && ev.key !== 'Escape')
        return;
      var links = Array.prototype.slice.call(self.list.querySelectorAll('a'));
      var i = links.indexOf(doc.activeElement);
      ev.preventDefault();
      if (ev.key === 'Escape')
        self.panel.hidden = true;
      if (ev.key === 'Escape' || (ev.key === 'ArrowUp' && i <= 0))
        input.focus();
      else if (ev.key === 'ArrowDown' && i + 1 < links.length)
        links[i + 1].focus();
      else if (ev.key === 'ArrowUp')
        links[i - 1].focus();
    });
  }

  RoleSearch.prototype.update = function () {
    var doc = this.doc, q = this.input.value.trim().toLowerCase();
    this.list.textContent = '';
    this.panel.hidden = !q;
    if (!q) {
      this.status.textContent = '';
      return;
    }
    var found = [];
    this.entries.forEach(function (en) {
      var why = null;
      if (en.name.indexOf(q) >= 0 || en.id.indexOf(q) >= 0)
        why = '';
      else
        for (var i = 0; i < en.titles.length && why === null; i++)
          if (en.titles[i].text.toLowerCase().indexOf(q) >= 0)
            why = en.titles[i].label;
      if (why !== null)
        found.push({role: en.role, why: why});
    });
    this.status.textContent = found.length === 0 ? 'No role matches.' :
      found.length === 1 ? '1 role' :
      found.length > SEARCH_SHOWN ? found.length + ' roles, the first ' + SEARCH_SHOWN + ' shown' :
      found.length + ' roles';
    var list = this.list;
    found.slice(0, SEARCH_SHOWN).forEach(function (f) {
      var li = el(doc, 'li', 'search-result');
      li.appendChild(roleLink(doc, f.role));
      li.appendChild(el(doc, 'span', 'search-levels', ' ' + f.role.levels));
      if (f.why)
        li.appendChild(el(doc, 'span', 'search-why', f.why));
      list.appendChild(li);
    });
  };

  /* ---- deep links ---- */

  /* Highlights the role section a #role-ID fragment names; any other
   * fragment only removes the highlight. */
  function highlightTarget(doc, hash, state) {
    if (state.target) {
      state.target.classList.remove('is-target');
      state.target = null;
    }
    if (!/^#role-[a-z][a-z0-9_]*$/.test(hash))
      return;
    var node = doc.getElementById(hash.slice(1));
    if (node && node.classList.contains('role')) {
      node.classList.add('is-target');
      state.target = node;
    }
  }

  /* ---- start ---- */

  function start(doc, win) {
    var model = readModel(doc);
    if (!model || !Array.isArray(model.roles))
      return;
    var g = buildGraph(model);
    var app = doc.getElementById('explorer-app'), box = doc.getElementById('search');
    var explorer = app && g.n > 0 ? new Explorer(doc, win, app, g) : null;
    if (box && g.n > 0)
      new RoleSearch(doc, win, box, g);
    var state = {target: null};
    function follow(initial) {
      var hash = win.location.hash;
      highlightTarget(doc, hash, state);
      var want = explorer && parseRouteHash(hash);
      if (!want)
        return;
      explorer.show(want);
      var section = doc.getElementById('explorer');
      if (initial && section)
        section.scrollIntoView();
    }
    win.addEventListener('hashchange', function () { follow(false); });
    follow(true);
    doc.documentElement.setAttribute('data-script', 'ready');
    if (win.performance && win.performance.mark)
      win.performance.mark('ladderc-ready');    /* what `make bench` reads: the script's work done */
  }

  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', function () { start(document, window); });
    else
      start(document, window);
  }

  /* for the tests of the algorithm under node (the page has no module) */
  if (typeof module === 'object' && module && module.exports)
    module.exports = {buildGraph: buildGraph, findRoutes: findRoutes, routeYears: routeYears, rises: rises};
}());
