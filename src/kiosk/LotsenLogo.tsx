/** The Lotsen mark (a pilot's compass), drawn inline so it never waits for the network. */
export function LotsenLogo() {
  return (
    <svg className="lotsen-logo" viewBox="0 0 512 512" aria-hidden="true" focusable="false">
      <rect width="512" height="512" rx="112" fill="#12355b" />
      <circle cx="256" cy="256" r="176" fill="none" stroke="#ffcf3f" strokeWidth="26" />
      <path d="M256 110l50 146H206z" fill="#ffcf3f" />
      <path d="M256 402l-50-146h100z" fill="#fbf8f1" />
      <circle cx="256" cy="256" r="22" fill="#12355b" stroke="#ffcf3f" strokeWidth="10" />
    </svg>
  );
}
