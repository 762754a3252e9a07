import type { ComponentChildren } from "preact";

export interface TableColumn {
  label: string;
  /** Numbers align to the end of the cell and use tabular figures. */
  numeric?: boolean;
}

export interface TableProps {
  caption: string;
  columns: TableColumn[];
  rows: ComponentChildren[][];
  /** The first cell of each row names the row (a row header). */
  firstCellIsHeader?: boolean;
}

/**
 * A data table with a caption and column headers; scrolls sideways on narrow
 * screens, so its box is a named region the keyboard can reach and scroll.
 */
export function Table({ caption, columns, rows, firstCellIsHeader = false }: TableProps) {
  return (
    <div class="table-wrapper" role="region" aria-label={caption} tabIndex={0}>
      <table class="table">
        <caption class="table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.numeric ? "table__header table__header--numeric" : "table__header"} key={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => {
                const cls = columns[i]?.numeric ? "table__cell table__cell--numeric" : "table__cell";
                return i === 0 && firstCellIsHeader ? (
                  <th scope="row" class={cls} key={i}>
                    {cell}
                  </th>
                ) : (
                  <td class={cls} key={i}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
