{{- define "f5tts.name" -}}{{ .Release.Name }}-f5tts{{- end -}}
{{- define "f5tts.secret" -}}{{ default (printf "%s-s3" (include "f5tts.name" .)) .Values.s3.existingSecret }}{{- end -}}
{{- define "f5tts.env" -}}
- name: F5_QUEUE
  value: {{ .Values.queue | quote }}
- name: F5_STORAGE
  value: {{ .Values.storage | quote }}
- name: AWS_REGION
  value: {{ .Values.s3.region | quote }}
{{- if .Values.s3.endpoint }}
- name: AWS_ENDPOINT_URL_S3
  value: {{ .Values.s3.endpoint | quote }}
{{- end }}
- name: AWS_ACCESS_KEY_ID
  valueFrom: {secretKeyRef: {name: {{ include "f5tts.secret" . }}, key: AWS_ACCESS_KEY_ID}}
- name: AWS_SECRET_ACCESS_KEY
  valueFrom: {secretKeyRef: {name: {{ include "f5tts.secret" . }}, key: AWS_SECRET_ACCESS_KEY}}
{{- end -}}
