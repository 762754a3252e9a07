import { usePage } from "../layout/page-context.js";
import { describedBy, ErrorMessage, FormGroup, Hint } from "./fields.js";

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  /** Where the file can be opened (an access-checked address). */
  href: string;
}

export interface FileUploadProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** MIME types offered in the file chooser; the server checks the content regardless. */
  accept?: string | undefined;
  multiple?: boolean;
  /** Files already uploaded, each with a box to remove it. */
  uploaded?: UploadedFile[];
}

/** Choosing files to send, and the files already sent with a way to remove each. The form must be multipart. */
export function FileUpload(props: FileUploadProps) {
  const { t, number } = usePage();
  const id = props.name;
  const uploaded = props.uploaded ?? [];
  return (
    <FormGroup error={props.error}>
      <label class="label" for={id}>
        {props.label}
      </label>
      <Hint id={id} text={props.hint} />
      <ErrorMessage id={id} text={props.error} />
      {uploaded.length ? (
        <div class="file-upload__uploaded">
          <p class="file-upload__caption" id={`${id}-uploaded`}>
            {t("components.fileUpload.uploaded")}
          </p>
          <ul class="file-upload__list" aria-labelledby={`${id}-uploaded`}>
            {uploaded.map((f) => (
              <li class="file-upload__file" key={f.id}>
                <a href={f.href}>{f.name}</a>{" "}
                <span class="file-upload__size">
                  {t("components.fileUpload.size", { size: number(Math.max(1, Math.round(f.size / 1024))) })}
                </span>
                <div class="choices__item file-upload__remove">
                  <input class="choices__input" type="checkbox" id={`${id}-remove-${f.id}`} name={`${id}-remove`} value={f.id} />
                  <label class="choices__label" for={`${id}-remove-${f.id}`}>
                    {t("components.fileUpload.remove", { name: f.name })}
                  </label>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <input
        class={`file-upload${props.error ? " file-upload--error" : ""}`}
        id={id}
        name={id}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        aria-describedby={describedBy(id, props.hint, props.error)}
        aria-invalid={props.error ? "true" : undefined}
      />
    </FormGroup>
  );
}
