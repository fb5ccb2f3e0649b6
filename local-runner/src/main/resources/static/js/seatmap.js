// The seat map: one real <button> per seat, grouped in rows. Mouse, touch and keyboard select several seats; the
// arrow keys move between seats (one tab stop for the whole map), Space or Enter toggles a seat.
import { el, fill } from './dom.js';

const LABEL = /^([A-Z]+)(\d+)$/;

// venues made with a capacity alone have seats 1..N: shown ten to a row
const PLAIN_ROW = 10;

const WORDS = { AVAILABLE: 'available', HELD: 'held', BOOKED: 'taken', BLOCKED: 'blocked' };

export class SeatMap {

	/**
	 * container: the element to draw in; onSelection(labels) is told whenever the selection changes. options:
	 * selectable, the statuses a seat may be selected in (buyers: AVAILABLE; the box office also BLOCKED);
	 * onInspect(label), told when a seat that cannot be selected is clicked; ranges, true to select a run of seats
	 * by shift-click or by dragging across them.
	 */
	constructor(container, onSelection, options = {}) {
		this.container = container;
		this.onSelection = onSelection;
		this.selectable = new Set(options.selectable || ['AVAILABLE']);
		this.onInspect = options.onInspect || (() => {});
		this.ranges = Boolean(options.ranges);
		// label -> {name, colour} of its price category, to tint the seat; null: no tint
		this.categories = options.categories || null;
		this.anchor = null;
		this.buttons = new Map();
		this.selection = new Set();
		// the signed-in buyer's own booked seats: drawn apart from everyone else's
		this.mine = new Set();
		container.addEventListener('click', (event) => this.clicked(event));
		container.addEventListener('keydown', (event) => this.keyed(event));
		if (this.ranges) {
			this.dragging = null;
			container.addEventListener('pointerdown', (event) => this.dragStarted(event));
			container.addEventListener('pointerover', (event) => this.draggedOver(event));
			document.addEventListener('pointerup', () => {
				this.dragging = null;
			});
		}
	}

	/** Draws every seat ([{seat, status}], in seat-map order); keeps the selection of seats still available. */
	render(seats) {
		this.buttons.clear();
		const rows = [];
		let row = null;
		seats.forEach((entry, index) => {
			const match = LABEL.exec(entry.seat);
			const name = match ? match[1] : String(Math.floor(index / PLAIN_ROW));
			if (!row || row.name !== name) {
				row = { name, labelled: Boolean(match), seats: [] };
				rows.push(row);
			}
			row.seats.push(entry);
		});
		fill(this.container, rows.map((line) => el('div', { class: 'seat-row' },
			el('span', { class: 'row-label', 'aria-hidden': 'true' }, line.labelled ? line.name : ''),
			line.seats.map((entry) => this.button(entry)))));
		for (const label of [...this.selection]) {
			if (!this.selectable.has(this.status(label))) {
				this.selection.delete(label);
			}
		}
		for (const label of this.selection) {
			this.buttons.get(label).setAttribute('aria-pressed', 'true');
		}
		this.resetTabStop();
		this.onSelection(this.selected());
	}

	/**
	 * Applies live changes ([{seat, status}]). Returns the selected seats that are no longer available: they are
	 * deselected here, and the caller says why.
	 */
	update(changes) {
		const lost = [];
		for (const change of changes) {
			const button = this.buttons.get(change.seat);
			if (!button || button.dataset.status === change.status) {
				continue;
			}
			this.setStatus(button, change.status);
			button.dataset.changedAt = String(Date.now());
			button.classList.remove('flash');
			// restart the animation: reading offsetWidth forces a style flush between remove and add
			void button.offsetWidth;
			button.classList.add('flash');
			if (!this.selectable.has(change.status) && this.selection.delete(change.seat)) {
				button.setAttribute('aria-pressed', 'false');
				lost.push(change.seat);
			}
		}
		if (lost.length) {
			this.onSelection(this.selected());
		}
		return lost;
	}

	/** The selected seat labels, in seat-map order. */
	selected() {
		return [...this.buttons.keys()].filter((label) => this.selection.has(label));
	}

	deselect(labels) {
		for (const label of labels) {
			if (this.selection.delete(label) && this.buttons.has(label)) {
				this.buttons.get(label).setAttribute('aria-pressed', 'false');
			}
		}
		this.onSelection(this.selected());
	}

	/**
	 * Marks seats taken at once, before the live stream says so: the buyer's own booking ({@code mine}), or seats a
	 * refusal said are taken (while the stream may be down).
	 */
	markTaken(labels, mine = false) {
		if (mine) {
			labels.forEach((label) => this.mine.add(label));
		}
		for (const label of labels) {
			const button = this.buttons.get(label);
			if (button) {
				this.setStatus(button, 'BOOKED');
			}
		}
		this.deselect(labels);
	}

	/** The seats of the buyer's own live bookings, drawn in their own colour while they stay booked. */
	markMine(labels) {
		this.mine = new Set(labels);
		for (const button of this.buttons.values()) {
			this.setStatus(button, button.dataset.status);
		}
	}

	/** Selects the seats that are still available (a selection kept across signing in); returns those selected. */
	select(labels) {
		const kept = labels.filter((label) => this.selectable.has(this.status(label)));
		for (const label of kept) {
			this.selection.add(label);
			this.buttons.get(label).setAttribute('aria-pressed', 'true');
		}
		this.onSelection(this.selected());
		return kept;
	}

	/** No seat can be selected any more (the event was called off): every seat says it is not on sale. */
	closeSales() {
		this.closed = true;
		this.selectable = new Set();
		this.selection.clear();
		this.container.dataset.closed = 'true';
		for (const button of this.buttons.values()) {
			this.setStatus(button, button.dataset.status);
		}
		this.onSelection(this.selected());
	}

	status(label) {
		const button = this.buttons.get(label);
		return button ? button.dataset.status : undefined;
	}

	available() {
		return [...this.buttons.values()].filter((button) => button.dataset.status === 'AVAILABLE').length;
	}

	button(entry) {
		const match = LABEL.exec(entry.seat);
		const button = el('button', {
			type: 'button',
			class: 'seat',
			tabindex: '-1',
			'data-seat': entry.seat,
			'aria-pressed': 'false',
		}, match ? match[2] : entry.seat);
		const category = this.categories && this.categories.get(entry.seat);
		if (category && category.colour) {
			button.dataset.category = category.name;
			// through the CSS object model, which the content security policy allows (no inline style attribute)
			button.style.setProperty('--category', category.colour);
		}
		this.setStatus(button, entry.status);
		this.buttons.set(entry.seat, button);
		return button;
	}

	setStatus(button, status) {
		button.dataset.status = status;
		if (status !== 'BOOKED') {
			// a seat of ours that was released (a cancellation) is not ours when someone books it next
			this.mine.delete(button.dataset.seat);
		}
		const mine = this.mine.has(button.dataset.seat);
		if (mine) {
			button.dataset.mine = 'true';
		}
		else {
			delete button.dataset.mine;
		}
		const word = mine ? 'yours' : (this.closed ? 'not on sale' : (WORDS[status] || status.toLowerCase()));
		button.setAttribute('aria-label', `Seat ${button.dataset.seat}, ${word}`);
		if (this.selectable.has(status)) {
			button.removeAttribute('aria-disabled');
		}
		else {
			// still focusable, so that keyboard and screen reader users hear that it is taken
			button.setAttribute('aria-disabled', 'true');
			button.setAttribute('aria-pressed', 'false');
		}
	}

	clicked(event) {
		const button = event.target.closest('button.seat');
		if (!button) {
			return;
		}
		this.moveTabStop(button);
		const label = button.dataset.seat;
		if (button.getAttribute('aria-disabled') === 'true') {
			this.onInspect(label);
			return;
		}
		if (this.dragged) {
			// the drag that ended on this seat selected it already
			this.dragged = false;
			return;
		}
		if (this.ranges && event.shiftKey && this.anchor && this.buttons.has(this.anchor)) {
			this.selectRun(this.anchor, label);
			return;
		}
		this.anchor = label;
		if (this.selection.has(label)) {
			this.selection.delete(label);
		}
		else {
			this.selection.add(label);
		}
		button.setAttribute('aria-pressed', String(this.selection.has(label)));
		this.onSelection(this.selected());
	}

	/** Selects every selectable seat from one label to another, in seat-map order, both included. */
	selectRun(from, to) {
		const labels = [...this.buttons.keys()];
		const [start, end] = [labels.indexOf(from), labels.indexOf(to)].sort((a, b) => a - b);
		for (const label of labels.slice(start, end + 1)) {
			if (this.selectable.has(this.status(label))) {
				this.selection.add(label);
				this.buttons.get(label).setAttribute('aria-pressed', 'true');
			}
		}
		this.onSelection(this.selected());
	}

	dragStarted(event) {
		const button = event.target.closest('button.seat');
		this.dragging = (button && event.button === 0 && !event.shiftKey) ? button.dataset.seat : null;
		this.dragged = false;
	}

	draggedOver(event) {
		const button = event.target.closest('button.seat');
		if (!this.dragging || !button || !(event.buttons & 1) || button.dataset.seat === this.dragging) {
			return;
		}
		this.selectRun(this.dragging, button.dataset.seat);
		this.anchor = this.dragging;
		this.dragged = true;
	}

	keyed(event) {
		const button = event.target.closest('button.seat');
		if (!button) {
			return;
		}
		const row = [...button.parentElement.querySelectorAll('button.seat')];
		const rows = [...this.container.querySelectorAll('.seat-row')];
		const rowIndex = rows.indexOf(button.parentElement);
		const index = row.indexOf(button);
		let target = null;
		switch (event.key) {
			case 'ArrowRight':
				target = row[index + 1];
				break;
			case 'ArrowLeft':
				target = row[index - 1];
				break;
			case 'ArrowDown':
			case 'ArrowUp': {
				const next = rows[rowIndex + (event.key === 'ArrowDown' ? 1 : -1)];
				if (next) {
					const seats = next.querySelectorAll('button.seat');
					target = seats[Math.min(index, seats.length - 1)];
				}
				break;
			}
			case 'Home':
				target = row[0];
				break;
			case 'End':
				target = row[row.length - 1];
				break;
			default:
				return;
		}
		event.preventDefault();
		if (target) {
			this.moveTabStop(target);
			target.focus();
		}
	}

	moveTabStop(button) {
		for (const other of this.container.querySelectorAll('button.seat[tabindex="0"]')) {
			other.setAttribute('tabindex', '-1');
		}
		button.setAttribute('tabindex', '0');
	}

	resetTabStop() {
		const first = [...this.buttons.values()].find((button) => button.dataset.status === 'AVAILABLE')
			|| this.buttons.values().next().value;
		if (first) {
			this.moveTabStop(first);
		}
	}
}
