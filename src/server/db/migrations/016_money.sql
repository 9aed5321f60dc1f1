-- Money: a currency per account (NULL = the organisation currency, settings key 'currency'),
-- and exchange rates per date into the organisation currency. A conversion uses the latest rate
-- valid on or before the amount's date (records/totals.ts, modules/settings/exchange-rates.*).
ALTER TABLE accounts ADD COLUMN currency text;

CREATE TABLE exchange_rates (
  from_currency text NOT NULL,
  -- The organisation currency when the rate was entered: rates into another currency are not used.
  to_currency text NOT NULL,
  valid_from date NOT NULL,
  -- 1 from_currency = rate to_currency.
  rate numeric(24, 10) NOT NULL CHECK (rate > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id) ON DELETE SET NULL,
  PRIMARY KEY (from_currency, to_currency, valid_from)
);
