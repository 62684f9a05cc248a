"""ITA measure-drafting assistant for Thai public agencies."""
