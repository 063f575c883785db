import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Modal, Result, Spin, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { InclusionProof } from '../../api/types';
import { chinaTime } from '../../lib/format';
import { verifyInBrowser } from '../../lib/verifyProof';
import type { ProofDocument } from '../../../../src/domain/recordFormat';

const yes = (ok: boolean, t: string, f: string) =>
  ok ? (
    <Tag color="green" icon={<CheckCircleFilled />}>
      {t}
    </Tag>
  ) : (
    <Tag color="red" icon={<CloseCircleFilled />}>
      {f}
    </Tag>
  );

/**
 * 验证: fetches the inclusion proof of one record entry against the signed tree head covering it
 * and shows whether the entry is provably in the record and the head's signature is genuine.
 */
export function ProofModal({ seq, onClose }: { seq: number | null; onClose: () => void }) {
  const proof = useQuery({
    queryKey: ['proof', seq],
    queryFn: () => api.get<InclusionProof>(`/api/record/entries/${seq}/proof`),
    enabled: seq !== null,
    gcTime: 0,
  });
  const p = proof.data;
  // recomputed here, in the browser, from the entry itself: the server's answer is not trusted
  const local = useQuery({
    queryKey: ['proof-local', seq, p?.treeHead.rootHash],
    queryFn: () => verifyInBrowser(p as unknown as ProofDocument),
    enabled: !!p,
    gcTime: 0,
  });
  const l = local.data;
  const ok = !!p && p.verified && p.signatureValid && !!l && l.ok && l.signatureOk !== false;

  return (
    <Modal title={`验证记录条目 #${seq ?? ''}`} open={seq !== null} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      {(proof.isPending || (p && !l)) && (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin />
        </div>
      )}
      {proof.error && <Alert type="error" showIcon title="验证失败" description={proof.error.message} />}
      {p && l && (
        <div data-testid="proof-result" data-verified={ok ? 'true' : 'false'}>
          <Result
            style={{ padding: '8px 0 16px' }}
            status={ok ? 'success' : 'error'}
            title={ok ? '已验证' : '验证失败'}
            subTitle={
              ok
                ? `该条目包含在大小为 ${p.treeSize} 的记录树中，树头签名有效：记录未被篡改。`
                : !p.verified
                  ? '包含证明与已签名的根哈希不一致：该条目或记录可能已被篡改，请立即报告系统管理员。'
                  : '树头签名无效：签名树头可能被伪造，请立即报告系统管理员。'
            }
          />
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'inc', label: '包含证明', children: yes(p.verified, '通过', '不通过') },
              { key: 'sig', label: '树头签名', children: yes(p.signatureValid, '签名有效', '签名无效') },
              {
                key: 'local',
                label: '浏览器独立验证',
                children: (
                  <span data-testid="proof-local" data-ok={l.ok && l.signatureOk !== false ? 'true' : 'false'}>
                    {yes(l.payloadHashOk, '内容哈希一致', '内容哈希不一致')}
                    {yes(l.leafHashOk, '叶子哈希一致', '叶子哈希不一致')}
                    {yes(l.inclusionOk && l.sizeOk, '路径可达根哈希', '路径不可达根哈希')}
                    {l.signatureOk === null ? <Tag>浏览器不支持 Ed25519，签名未在本地核验</Tag> : yes(l.signatureOk, '签名有效', '签名无效')}
                  </span>
                ),
              },
              { key: 'event', label: '条目', children: `#${p.entry.seq} ${p.entry.eventLabel}（${chinaTime(p.entry.recordedAt)}）` },
              { key: 'leaf', label: '叶子索引', children: p.leafIndex },
              { key: 'size', label: '树大小', children: p.treeSize },
              {
                key: 'leafHash',
                label: '叶子哈希',
                children: (
                  <Typography.Text className="fz-mono" copyable>
                    {p.entry.leafHash}
                  </Typography.Text>
                ),
              },
              {
                key: 'root',
                label: '根哈希',
                children: (
                  <Typography.Text className="fz-mono" copyable>
                    {p.treeHead.rootHash}
                  </Typography.Text>
                ),
              },
              { key: 'alg', label: '哈希算法', children: p.treeHead.hashAlg.toUpperCase() },
              { key: 'signedAt', label: '签发时间', children: chinaTime(p.treeHead.signedAt) },
              { key: 'keyId', label: '密钥 ID', children: <span className="fz-mono">{p.treeHead.keyId}</span> },
              {
                key: 'signature',
                label: '签名',
                children: (
                  <Typography.Text className="fz-mono" copyable>
                    {p.treeHead.signature}
                  </Typography.Text>
                ),
              },
              {
                key: 'path',
                label: `证明路径（${p.proof.length}）`,
                children: p.proof.length ? (
                  <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                    {p.proof.map((h, i) => (
                      <li key={i} className="fz-mono">
                        {h}
                      </li>
                    ))}
                  </ol>
                ) : (
                  '（无：树中只有该条目）'
                ),
              },
            ]}
          />
          <details style={{ marginTop: 8 }}>
            <summary style={{ cursor: 'pointer', color: '#888', fontSize: 12 }}>签名公钥（PEM）</summary>
            <pre className="fz-mono" style={{ background: '#fafafa', padding: 8 }}>
              {p.publicKeyPem}
            </pre>
          </details>
        </div>
      )}
    </Modal>
  );
}
