import { useShoshin } from '../store';
import { t } from '../i18n';

export function Notice() {
  const notice = useShoshin((s) => s.notice);
  const action = useShoshin((s) => s.noticeAction);
  const dismiss = useShoshin((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{notice}</span>
      {action?.notice === notice && (
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => {
            dismiss();
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
      <button type="button" className="btn btn-sm" onClick={dismiss}>
        {t('shell.notice.dismiss')}
      </button>
    </div>
  );
}
