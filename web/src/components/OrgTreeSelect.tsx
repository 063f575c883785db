import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgs } from '../api/queries';
import { buildOrgTree, orgTreeOptions } from '../lib/orgTree';

interface Props {
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  disabled?: boolean;
}

/** Picks one org from the caller's scope, as a searchable tree. */
export function OrgTreeSelect({ value, onChange, placeholder = '请选择机构', allowClear, style, id, disabled }: Props) {
  const orgs = useOrgs();
  const treeData = useMemo(() => orgTreeOptions(buildOrgTree(orgs.data ?? [])), [orgs.data]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={orgs.isPending}
      disabled={disabled}
      style={{ width: '100%', ...style }}
    />
  );
}
