import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Spin, Upload, Typography } from 'antd';
import { uploadImport, type ImportUpload } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { showError } from '../../../lib/notify.ts';
import { fileToBase64, MAX_FILE_BYTES } from './file-base64.ts';

/** Picks a .csv/.xlsx file and uploads it; the server answers with its columns, a sample and a mapping. */
export function UploadStep({ onUploaded }: { onUploaded: (u: ImportUpload) => void }) {
  const t = useT();
  const upload = useMutation({
    mutationFn: async (file: File) => uploadImport(file.name, await fileToBase64(file)),
    onSuccess: onUploaded,
  });
  const pick = (file: File) => {
    if (!/\.(csv|xlsx)$/i.test(file.name)) showError(new Error(t('warnings.import.badType')));
    else if (file.size > MAX_FILE_BYTES) showError(new Error(t('warnings.import.tooLarge', { size: (file.size / 1024 / 1024).toFixed(1) })));
    else upload.mutate(file);
    // Never let antd upload by itself: the file travels as base64 in a JSON body.
    return false;
  };
  return (
    <Spin spinning={upload.isPending} description={t('warnings.import.uploading')}>
      <Upload.Dragger accept=".csv,.xlsx" multiple={false} showUploadList={false} beforeUpload={pick} disabled={upload.isPending} data-testid="import-file">
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('warnings.import.drop')}</p>
        <Typography.Text type="secondary">{t('warnings.import.dropHint')}</Typography.Text>
      </Upload.Dragger>
    </Spin>
  );
}
