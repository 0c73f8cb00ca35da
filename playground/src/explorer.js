// explorer.js - routes and gaps between two roles: two pickers filled with
// the roles of the last ladder that compiled, and the text `ladderc path`
// and `ladderc gap` print for the pair (r.path, r.gap), or the reason there
// is none. Text only: the results land in <pre> elements as text nodes.
import { el } from "./dom.js";
import { messageOf } from "./compiler.js";

export class Explorer {
    constructor(from, to, pathOut, gapOut) {
        Object.assign(this, { from, to, pathOut, gapOut });
        this.session = null;
        from.addEventListener("change", () => this.run());
        to.addEventListener("change", () => this.run());
    }

    // roles: [{id, name}] of session r
    update(r, roles) {
        this.session = r;
        for (const [select, fallback] of [[this.from, 0], [this.to, 1]]) {
            const keep = select.value;
            select.replaceChildren(...roles.map((role) => el("option", { value: role.id }, `${role.name} (${role.id})`)));
            if (roles.some((role) => role.id === keep)) select.value = keep;
            else if (roles.length) select.value = roles[Math.min(fallback, roles.length - 1)].id;
        }
        this.run();
    }

    run() {
        const r = this.session, from = this.from.value, to = this.to.value;
        if (!r || !from || !to) {
            this.show(this.pathOut, "", false);
            this.show(this.gapOut, "", false);
            return;
        }
        this.show(this.pathOut, ...attempt(() => r.path(from, to, {})));
        this.show(this.gapOut, ...attempt(() => r.gap(from, to, {})));
    }

    show(out, text, failed) {
        out.textContent = text;
        out.classList.toggle("failed", failed);
    }
}

function attempt(f) {
    try {
        return [f(), false];
    } catch (e) {
        return [messageOf(e), true];
    }
}
