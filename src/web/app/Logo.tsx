export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" style={{ display: 'inline-block', verticalAlign: 'middle', flex: 'none' }}>
      <rect width="32" height="32" rx="7" fill="#1f5fd1" />
      <text x="16" y="22.5" fontSize="17" textAnchor="middle" fill="#fff" fontFamily="'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif">关</text>
    </svg>
  );
}
